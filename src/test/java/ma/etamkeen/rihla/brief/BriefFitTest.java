package ma.etamkeen.rihla.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ma.etamkeen.rihla.brief.Brief.Kind;

/** Which items give way when the page is full, from the heights of the pieces alone. */
class BriefFitTest {
    private static BriefFit.Heights section(Kind kind, int items, double height) {
        double[] heights = new double[items];
        Arrays.fill(heights, height);
        return new BriefFit.Heights(kind, 10, heights, 8, 8);
    }

    private final List<BriefFit.Heights> sections = List.of(section(Kind.SUMMARY, 1, 50), section(Kind.LESSONS, 10, 20),
            section(Kind.IDEAS, 3, 20), section(Kind.NOTES, 5, 15), section(Kind.FACTS, 3, 10));

    @Test
    void withRoomEverythingIsShown() {
        assertThat(BriefFit.fit(sections, 1000)).containsExactly(1, 10, 3, 5, 3);
    }

    @Test
    void factsGoFirstThenNotesDownToOneThenTheLongerOfLessonsAndIdeas() {
        // All: 50+10 + 200+10 + 60+10 + 75+10 + 30+10 = 465.
        assertThat(BriefFit.fit(sections, 425)).containsExactly(1, 10, 3, 5, 0);  // facts left out whole
        assertThat(BriefFit.fit(sections, 400)).containsExactly(1, 10, 3, 2, 0);  // then notes, with "+3 more"
        assertThat(BriefFit.fit(sections, 300)).containsExactly(1, 5, 3, 1, 0);   // then lessons (the longer list)
        assertThat(BriefFit.fit(sections, 200)).containsExactly(1, 2, 2, 0, 0);   // two each, then notes go
        int[] tight = BriefFit.fit(sections, 120);
        assertThat(BriefFit.height(sections, tight)).isLessThanOrEqualTo(120);
    }

    @Test
    void whatIsShownAlwaysFitsDownToTheHeadingsAndTheirMoreLines() {
        for (int available = 72; available <= 500; available += 7) {
            int[] shown = BriefFit.fit(sections, available);
            assertThat(BriefFit.height(sections, shown)).as("%d", available).isLessThanOrEqualTo(available);
        }
    }
}
