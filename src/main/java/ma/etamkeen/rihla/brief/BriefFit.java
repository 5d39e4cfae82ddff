package ma.etamkeen.rihla.brief;

import java.util.List;

import ma.etamkeen.rihla.brief.Brief.Kind;

/**
 * How many items of each section fit in the body of the page, from the heights of the pieces. Sections
 * give way in a fixed order: the site's facts first (they are there when there is room), then notes down
 * to one, lessons and ideas down to two each (the longer list first), notes, lessons and ideas down to one,
 * then to none. A section showing fewer items than it has ends with a "+N more" line; the facts, filling
 * room, just go.
 */
final class BriefFit {

    /** The heights (in points) of a section's pieces. */
    record Heights(Kind kind, double heading, double[] items, double more, double empty) {
    }

    private BriefFit() {
    }

    /** How many items of each section to show, in the order of {@code sections}. */
    static int[] fit(List<Heights> sections, double available) {
        int[] shown = new int[sections.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = sections.get(i).items().length;
        }
        trim(sections, shown, available, 0, Kind.FACTS);
        trim(sections, shown, available, 1, Kind.NOTES);
        trim(sections, shown, available, 2, Kind.LESSONS, Kind.IDEAS);
        trim(sections, shown, available, 0, Kind.NOTES);
        trim(sections, shown, available, 1, Kind.LESSONS, Kind.IDEAS);
        trim(sections, shown, available, 0, Kind.LESSONS, Kind.IDEAS);
        trim(sections, shown, available, 0, Kind.SUMMARY);
        return shown;
    }

    /** The height of the body with {@code shown} items. */
    static double height(List<Heights> sections, int[] shown) {
        double total = 0;
        for (int i = 0; i < shown.length; i++) {
            Heights section = sections.get(i);
            if (!isShown(section, shown[i])) {
                continue;
            }
            total += section.heading();
            for (int item = 0; item < shown[i]; item++) {
                total += section.items()[item];
            }
            if (section.items().length == 0) {
                total += section.empty();
            } else if (shown[i] < section.items().length) {
                total += section.more();
            }
        }
        return total;
    }

    /** Whether the section is on the page at all: only the facts leave it when none fit. */
    static boolean isShown(Heights section, int shown) {
        return section.kind() != Kind.FACTS || shown > 0;
    }

    /** Takes the last items of the sections of {@code kinds} away, the longest list first, down to {@code floor}. */
    private static void trim(List<Heights> sections, int[] shown, double available, int floor, Kind... kinds) {
        while (height(sections, shown) > available) {
            int longest = -1;
            for (int i = 0; i < shown.length; i++) {
                if (List.of(kinds).contains(sections.get(i).kind()) && shown[i] > floor
                        && (longest < 0 || shown[i] >= shown[longest])) {
                    longest = i;  // on a tie, the later section gives way
                }
            }
            if (longest < 0) {
                return;
            }
            shown[longest]--;
        }
    }
}
