package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void scoreIsTheSumOfReciprocalRanksPlusTheConstant() {
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(60, rankings(List.of(7, 3), List.of(3, 9)));

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::doc).containsExactly(3, 7, 9);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void agreementOfTwoRankingsBeatsOneFirstPlace() {
        List<ReciprocalRankFusion.Fused> fused =
                ReciprocalRankFusion.fuse(60, rankings(List.of(1, 2, 3), List.of(4, 5, 3)));

        assertThat(fused.getFirst().doc()).isEqualTo(3);
    }

    @Test
    void tiesAreBrokenByBestRankThenDocument() {
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(60, rankings(List.of(5, 8), List.of(2, 1)));

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::doc).containsExactly(2, 5, 1, 8);
    }

    @Test
    void noRankingsGiveNothing() {
        assertThat(ReciprocalRankFusion.fuse(60, rankings(List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void aRankingsWeightScalesWhatItAdds() {
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(
                60,
                List.of(
                        ReciprocalRankFusion.Ranking.of(List.of(7, 3)),
                        new ReciprocalRankFusion.Ranking(List.of(3, 9), 0.5)));

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::doc).containsExactly(3, 7, 9);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 0.5 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(0.5 / 62, within(1e-12));
    }

    @Test
    void aLighterRankingsFirstPlaceNoLongerBeatsTheFullRankingsFirstPlace() {
        // With equal weights the two documents tie and the lower number (1) would win.
        List<List<Integer>> docs = List.of(List.of(2, 1), List.of(1, 2));

        assertThat(ReciprocalRankFusion.fuse(
                                60,
                                List.of(
                                        ReciprocalRankFusion.Ranking.of(docs.get(0)),
                                        new ReciprocalRankFusion.Ranking(docs.get(1), 0.9)))
                        .getFirst()
                        .doc())
                .isEqualTo(2);
    }

    @SafeVarargs
    private static List<ReciprocalRankFusion.Ranking> rankings(List<Integer>... rankings) {
        return java.util.Arrays.stream(rankings)
                .map(ReciprocalRankFusion.Ranking::of)
                .toList();
    }
}
