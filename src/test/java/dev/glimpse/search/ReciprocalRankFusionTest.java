package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void scoreIsTheSumOfReciprocalRanksPlusTheConstant() {
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(60, List.of(List.of(7, 3), List.of(3, 9)));

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::doc).containsExactly(3, 7, 9);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void agreementOfTwoRankingsBeatsOneFirstPlace() {
        List<ReciprocalRankFusion.Fused> fused =
                ReciprocalRankFusion.fuse(60, List.of(List.of(1, 2, 3), List.of(4, 5, 3)));

        assertThat(fused.getFirst().doc()).isEqualTo(3);
    }

    @Test
    void tiesAreBrokenByBestRankThenDocument() {
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(60, List.of(List.of(5, 8), List.of(2, 1)));

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::doc).containsExactly(2, 5, 1, 8);
    }

    @Test
    void noRankingsGiveNothing() {
        assertThat(ReciprocalRankFusion.fuse(60, List.of(List.of(), List.of()))).isEmpty();
    }
}
