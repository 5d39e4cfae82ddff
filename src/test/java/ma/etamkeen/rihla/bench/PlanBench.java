package ma.etamkeen.rihla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.SampleText;

/**
 * {@code -Dbench=plan}: the action plan of an administration targeted by 100 ideas for transfer (Arabic and
 * French text, every status), to PDF, median of 5 per language after a warm-up, and the report of the visit
 * (15 sites and that plan, median of 3), against one site's brief in the same run; and their numbers of pages.
 */
final class PlanBench {
    private PlanBench() {
    }

    static void run(int ideas) throws Exception {
        Path folder = Files.createTempDirectory("rihla-bench-plan");
        Random random = new Random(12);
        try (Workspace workspace = Workspace.open(folder)) {
            Administration dgi = workspace.people().save(new Administration(UUID.randomUUID(),
                    "المديرية العامة للضرائب", "Direction générale des impôts", "DGI"));
            String[] slugs = {"easy-brussels", "asa", "ewbs", "fps-bosa", "digital-agency", "bipt"};
            for (int i = 0; i < ideas; i++) {
                Idea idea = workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId(slugs[i % slugs.length]),
                        null, null, SampleText.mixed(random, 6 + random.nextInt(10)), null,
                        Idea.Effort.values()[i % 3], Idea.Impact.values()[i % 3], null, "Amina El Idrissi",
                        SampleText.mixed(random, 10 + random.nextInt(30)), Set.of("simplification"), Set.of(dgi.id()),
                        null));
                workspace.ideas().move(idea.id(), Idea.Status.values()[i % Idea.Status.values().length]);
            }
            System.out.printf(Locale.ROOT, "Action plan of an administration targeted by %d ideas (ms)%n", ideas);
            for (Language language : new Language[] {Language.AR, Language.FR}) {
                workspace.plans().render(dgi, language);  // warm-up
                workspace.briefs().render(Seeder.siteId("easy-brussels"), BriefOptions.all(language));
                double[] plan = new double[5];
                double[] brief = new double[5];
                int pages = 0;
                for (int round = 0; round < 5; round++) {
                    long start = System.nanoTime();
                    byte[] pdf = workspace.plans().render(dgi, language);
                    plan[round] = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    workspace.briefs().render(Seeder.siteId("easy-brussels"), BriefOptions.all(language));
                    brief[round] = (System.nanoTime() - start) / 1e6;
                    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                        pages = document.getNumberOfPages();
                    }
                }
                Arrays.sort(plan);
                Arrays.sort(brief);
                System.out.printf(Locale.ROOT, "  %s  plan %6.0f (%d pages)   one brief %5.0f   plan / brief %.1f x%n",
                        language, plan[2], pages, brief[2], plan[2] / brief[2]);
                double[] report = new double[3];
                var visit = workspace.reports().visit("belgium-2022");
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    byte[] pdf = workspace.reports().render(visit, language);
                    report[round] = (System.nanoTime() - start) / 1e6;
                    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                        pages = document.getNumberOfPages();
                    }
                }
                Arrays.sort(report);
                System.out.printf(Locale.ROOT, "  %s  visit report of 15 sites %6.0f (%d pages)   report / brief %.1f x%n",
                        language, report[1], pages, report[1] / brief[2]);
            }
        }
    }
}
