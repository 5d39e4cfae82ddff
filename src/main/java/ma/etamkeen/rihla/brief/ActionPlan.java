package ma.etamkeen.rihla.brief;

import java.util.List;

import ma.etamkeen.rihla.i18n.Language;

/**
 * The action plan of one Moroccan administration, already in words of its language: a cover (the
 * administration, the visits its ideas come from, the date), then every idea for transfer that targets it,
 * grouped by status, each as a {@link Brief.Item}: its title, where it comes from (lesson learned, site), and its
 * owner, effort, impact, prerequisites and last status change.
 *
 * @param documentTitle the PDF's title
 * @param groups        the statuses in order, each with its ideas (a status with none is left out)
 * @param footer        the line at the foot of every page, before its "page x/y"
 * @param pageOf        the "page x/y" pattern ({@link java.text.MessageFormat}: {0} the page, {1} how many)
 */
public record ActionPlan(Language language, String documentTitle, String title, String administration,
                         List<String> visits, String printed, List<Group> groups, String empty, String footer,
                         String pageOf) {

    public ActionPlan {
        visits = List.copyOf(visits);
        groups = List.copyOf(groups);
    }

    /** A status and the ideas at it. */
    public record Group(String heading, List<Brief.Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** How many ideas the plan holds. */
    public int ideas() {
        return groups.stream().mapToInt(group -> group.items().size()).sum();
    }
}
