package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryUnderstandingTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 20);
    private static final KnownPlaces PLACES = new KnownPlaces(
            Set.of("lisbon", "portugal", "japan", "kyoto", "united states", "new york city", "turkey", "netherlands"));

    @Test
    void spokenFramingAndFillersAreRemovedBeforeTheWordsAreSearched() {
        UnderstoodQuery query = understand("um I'm looking for that picture of the dog asleep on the couch");

        assertThat(query.words()).isEqualTo("the dog asleep on the couch");
        assertThat(query.removed()).containsExactly("um", "i'm looking for", "that picture of");
    }

    @Test
    void familyWordsBecomeWhatCaptionsSay() {
        UnderstoodQuery query = understand("show me the one where grandpa feeds my daughter's rabbit with my mum");

        assertThat(query.words()).isEqualTo("old man feeds girl's rabbit with woman");
        assertThat(query.mapped())
                .extracting(RoleWords.Mapping::label)
                .containsExactly("grandpa → old man", "daughter's → girl's", "mum → woman");
    }

    @Test
    void aPlaceAfterAWordThatSaysWhereFiltersAndLeavesTheRestToSearch() {
        assertPlace("at the beach in portugal", "portugal", "at the beach");
        assertPlace("the temple on our trip to japan", "japan", "the temple");
        assertPlace("the canyon when we were in the usa", "united states", "the canyon");
        assertPlace("taxis in nyc", "new york city", "taxis");
        assertPlace("photos from lisbon", "lisbon", "");
        assertPlace("canals in holland", "netherlands", "canals");
    }

    @Test
    void aPlaceNameWithoutACueOrThatNoPhotoWasTakenInIsJustAWord() {
        UnderstoodQuery turkey = understand("a roast turkey on the big dinner table");
        UnderstoodQuery paris = understand("the cafe in paris");

        assertThat(turkey.placeName()).isNull();
        assertThat(turkey.words()).isEqualTo("a roast turkey on the big dinner table");
        assertThat(paris.placeName()).isNull();
        assertThat(paris.words()).isEqualTo("the cafe in paris");
    }

    @Test
    void timeAndPlaceTogetherAndAHolidayKeepsItsName() {
        UnderstoodQuery query = understand("the tree at christmas 2023 in kyoto");

        assertThat(query.time()).isNotNull();
        assertThat(query.time().from()).isEqualTo(LocalDate.of(2023, 12, 15));
        assertThat(query.placeName()).isEqualTo("kyoto");
        assertThat(query.words()).startsWith("the tree christmas");
    }

    @Test
    void anOccasionGainsWhatItsPhotosShow() {
        UnderstoodQuery query = understand("our camping weekend");

        assertThat(query.occasion()).isNotNull();
        assertThat(query.words()).isEqualTo("our camping weekend a tent and a campfire");
    }

    @Test
    void removedPartsAreTakenLiterally() {
        UnderstoodQuery query = QueryUnderstanding.understand(
                "um grandpa in lisbon last summer", TODAY, PLACES, EnumSet.allOf(QueryPart.class));

        assertThat(query.words()).isEqualTo("um grandpa in lisbon last summer");
        assertThat(query.filtered()).isFalse();
        assertThat(QueryUnderstanding.understand(
                                "grandpa in lisbon last summer", TODAY, PLACES, EnumSet.of(QueryPart.TIME))
                        .words())
                .isEqualTo("old man last summer");
    }

    @Test
    void misspeltWordsNoCaptionHasAreCorrectedButFamilyAndOccasionWordsAreNot() {
        UnderstoodQuery query = QueryUnderstanding.understand(
                "grandpa by the watterfall on his birthday",
                TODAY,
                PLACES,
                word -> word.equals("watterfall") ? "waterfall" : word.length() > 3 ? "wrong" : null,
                Set.of());

        assertThat(query.words()).isEqualTo("old man by the waterfall on his birthday");
        assertThat(query.corrected()).extracting(RoleWords.Mapping::label).containsExactly("watterfall → waterfall");
    }

    @Test
    void onlyFillersAreSearchedAsTheyWere() {
        assertThat(understand("um").words()).isEqualTo("um");
    }

    private static void assertPlace(String text, String place, String words) {
        UnderstoodQuery query = understand(text);
        assertThat(query.placeName()).as(text).isEqualTo(place);
        assertThat(query.words()).as(text).isEqualTo(words);
    }

    private static UnderstoodQuery understand(String text) {
        return QueryUnderstanding.understand(QueryText.searchForm(text), TODAY, PLACES, Set.of());
    }
}
