package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRecords;
import ma.etamkeen.rihla.store.Seeder;

/**
 * The knowledge base travels like the entries: sites, facts, visits and themes added or corrected on one laptop
 * reach the other in a package, with the same merge rules — a site edited on both sides is a conflict shown field
 * by field, a site deleted on one side while its notes changed on the other is a conflict too, never a silent
 * loss — and packages of the first format still import.
 */
class KnowledgeBaseExchangeTest {
    private static final UUID ASA = Seeder.siteId("asa");
    private static final UUID BIPT = Seeder.siteId("bipt");

    @TempDir
    Path folder;
    private int packages;

    private Path export(Workspace from) {
        return from.exchange().export(folder.resolve("p" + (++packages) + ".rihla"), ExportScope.all(),
                ExchangeService.Progress.NONE).file();
    }

    private static ImportPlan swap(Workspace from, Workspace into, Path file, Map<UUID, Resolution> choices) {
        try (ExchangePackage pkg = into.exchange().read(file)) {
            ImportPlan plan = into.exchange().plan(pkg);
            into.exchange().apply(pkg, plan, choices, ExchangeService.Progress.NONE, () -> false);
            return plan;
        }
    }

    private static Site withSummaryFr(Site site, String summary) {
        return new Site(site.id(), site.visitId(), site.slug(), site.name(), site.originalName(), site.type(),
                site.level(), site.levelDetail(), site.city(), site.address(), site.website(),
                new Localized(site.summary().ar(), summary, site.summary().en()), site.themes(), site.facts(),
                site.toConfirm(), site.confirmations());
    }

    @Test
    void aNewSiteWithItsNoteTravelsAndASummaryEditedOnBothSidesIsSettledFieldByField() {
        try (Workspace amina = Workspace.open(folder.resolve("amina"));
             Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            Site enabel = amina.knowledge().saveSite(new Site(null, Seeder.visitId("belgium-2022"), "enabel",
                    new Localized("الوكالة البلجيكية للتنمية", "Enabel", "Enabel"), "Enabel", Localized.EMPTY,
                    GovernmentLevel.FEDERAL, Localized.EMPTY, new Localized("بروكسل", "Bruxelles", "Brussels"), null,
                    "https://enabel.be", Localized.EMPTY, List.of(), List.of(), java.util.Set.of(), Map.of()));
            amina.notes().save(new Note(UUID.randomUUID(), enabel.id(), null, LocalDate.of(2022, 9, 26),
                    "Enabel met en œuvre E-TAMKEEN.", null));
            Site asaHere = amina.catalog().site("asa").orElseThrow();
            amina.knowledge().saveSite(withSummaryFr(asaHere, "Résumé corrigé par Amina."));
            youssef.knowledge().saveSite(withSummaryFr(youssef.catalog().site("asa").orElseThrow(),
                    "Résumé corrigé par Youssef."));

            ImportPlan atYoussef = swap(amina, youssef, export(amina), Map.of(ASA, Resolution.THEIRS));
            assertThat(atYoussef.byKind().get(RecordKind.SITE).added()).isEqualTo(1);
            assertThat(atYoussef.byKind().get(RecordKind.NOTE).added()).isEqualTo(1);
            assertThat(atYoussef.conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.kind()).isEqualTo(RecordKind.SITE);
                // Field by field: only the summary in French differs, and it says so.
                assertThat(conflict.mineVersion().lines()).filteredOn(ImportPlan.Line::differs)
                        .extracting(ImportPlan.Line::field).containsExactly("summary_fr");
                assertThat(conflict.theirsVersion().lines()).filteredOn(ImportPlan.Line::differs)
                        .extracting(ImportPlan.Line::value).containsExactly("Résumé corrigé par Amina.");
            });
            assertThat(youssef.catalog().site("enabel")).hasValueSatisfying(site ->
                    assertThat(site.name().ar()).isEqualTo("الوكالة البلجيكية للتنمية"));
            assertThat(youssef.notes().forSite(enabel.id())).extracting(Note::body).containsExactly(
                    "Enabel met en œuvre E-TAMKEEN.");
            assertThat(youssef.catalog().site("asa").orElseThrow().summary().fr()).isEqualTo("Résumé corrigé par Amina.");

            ImportPlan atAmina = swap(youssef, amina, export(youssef), Map.of());
            assertThat(atAmina.conflicts()).isEmpty();
            assertThat(ExchangeRecords.of(amina.database())).isEqualTo(ExchangeRecords.of(youssef.database()));
        }
    }

    /** Amina deletes BIPT while Youssef edits his note of it; returns Amina's package and Youssef's note. */
    private Map.Entry<Path, Note> deletedThereEditedHere(Workspace amina, Workspace youssef) {
        Note note = youssef.notes().save(new Note(UUID.randomUUID(), BIPT, null, LocalDate.of(2022, 10, 4),
                "Le régulateur publie ses données ouvertes.", null));
        swap(youssef, amina, export(youssef), Map.of());
        assertThat(amina.knowledge().deleteSite(BIPT)).isTrue();  // the site and its note go to the trash
        Note edited = youssef.notes().save(note.withBody("Le régulateur publie ses données ouvertes, chaque trimestre."));
        return Map.entry(export(amina), edited);
    }

    @Test
    void aSiteDeletedOnOneLaptopWhoseNoteChangedOnTheOtherIsAConflictAndKeepingBothKeepsTheSite() {
        try (Workspace amina = Workspace.open(folder.resolve("amina"));
             Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            Path deletion = deletedThereEditedHere(amina, youssef).getKey();
            try (ExchangePackage pkg = youssef.exchange().read(deletion)) {
                ImportPlan plan = youssef.exchange().plan(pkg);
                assertThat(plan.conflicts()).extracting(ImportPlan.Conflict::kind)
                        .containsExactlyInAnyOrder(RecordKind.SITE, RecordKind.NOTE);
                youssef.exchange().apply(pkg, plan, Map.of(), ExchangeService.Progress.NONE, () -> false);
            }
            assertThat(youssef.catalog().site("bipt")).isPresent();
            assertThat(youssef.notes().forSite(BIPT)).extracting(Note::body)
                    .containsExactly("Le régulateur publie ses données ouvertes, chaque trimestre.");
        }
    }

    @Test
    void takingTheDeletionTakesTheSiteAndItsEditedNoteToTheTrashTogetherAndRestorable() {
        try (Workspace amina = Workspace.open(folder.resolve("amina"));
             Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            Map.Entry<Path, Note> deletion = deletedThereEditedHere(amina, youssef);
            swap(amina, youssef, deletion.getKey(), Map.of(BIPT, Resolution.THEIRS, deletion.getValue().id(),
                    Resolution.THEIRS));
            assertThat(youssef.catalog().site("bipt")).isEmpty();
            List<TrashItem> trash = youssef.trash().list(Optional.empty());
            assertThat(trash).as("one item: the site, its note comes back with it").singleElement()
                    .satisfies(item -> assertThat(item.isSite()).isTrue());

            assertThat(youssef.trash().restore(trash.get(0))).isTrue();
            assertThat(youssef.catalog().site("bipt")).isPresent();
            assertThat(youssef.notes().forSite(BIPT)).extracting(Note::body)
                    .containsExactly("Le régulateur publie ses données ouvertes, chaque trimestre.");
            assertThat(youssef.search().search("trimestre", java.util.Set.of(), java.util.Set.of(), ma.etamkeen.rihla.i18n.Language.FR, 10).total()).isEqualTo(1);
        }
    }

    @Test
    void aPackageOfTheFirstFormatStillImports() throws Exception {
        Path fixture = folder.resolve("format-1.rihla");
        try (InputStream in = getClass().getResourceAsStream("/ma/etamkeen/rihla/exchange/format-1.rihla")) {
            Files.copy(in, fixture);
        }
        try (Workspace store = Workspace.open(folder.resolve("store"))) {
            ImportPlan plan = swap(null, store, fixture, Map.of());
            assertThat(plan.manifest().format()).isEqualTo(1);
            // 15 records; one administration is already known here (the built-in one)
            assertThat(plan.total().added()).isEqualTo(14);
            assertThat(plan.byKind().get(RecordKind.ADMINISTRATION).unchanged()).isEqualTo(1);
            assertThat(plan.total().conflicts()).isZero();
            assertThat(store.notes().forSite(Seeder.siteId("easy-brussels"))).hasSize(2);
            assertThat(store.attachments().forSite(Seeder.siteId("easy-brussels"))).hasSize(2);
            assertThat(swap(null, store, fixture, Map.of()).total().changesAnything()).as("the same package again").isFalse();
        }
    }
}
