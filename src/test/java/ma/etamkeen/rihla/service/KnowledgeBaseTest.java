package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.store.Seeder;

/**
 * The knowledge base on a real store: sites added, edited and confirmed (who and when kept), facts edited with
 * the site in one go, themes renamed and hidden, visits checked; every refusal changes nothing; a deleted site
 * and its entries leave the search and the lists together and come back together; the trash empties them too.
 */
class KnowledgeBaseTest {
    private static final UUID BELGIUM = Seeder.visitId("belgium-2022");

    @TempDir
    Path folder;
    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
        workspace.identity().setMe(workspace.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", null)).id());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private static Site newSite(String slug, Localized name) {
        return new Site(null, BELGIUM, slug, name, null, Localized.EMPTY, GovernmentLevel.FEDERAL, Localized.EMPTY,
                new Localized("بروكسل", "Bruxelles", "Brussels"), null, null, Localized.EMPTY, List.of(), List.of(),
                Set.of(), Map.of());
    }

    private static Site withCity(Site site, Localized city) {
        return new Site(site.id(), site.visitId(), site.slug(), site.name(), site.originalName(), site.type(),
                site.level(), site.levelDetail(), city, site.address(), site.website(), site.summary(), site.themes(),
                site.facts(), site.toConfirm(), site.confirmations());
    }

    private String rejection(Runnable action) {
        try {
            action.run();
        } catch (RejectedInput e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewSiteGetsTheIdItsShortNameHasOnEveryLaptopAndIsFoundBySearch() {
        Site saved = workspace.knowledge().saveSite(newSite("enabel", new Localized("الوكالة البلجيكية للتنمية",
                "Enabel", "Enabel")));
        assertThat(saved.id()).isEqualTo(Seeder.siteId("enabel"));
        assertThat(workspace.catalog().sites()).hasSize(16);
        workspace.search().awaitReady();
        assertThat(workspace.search().search("enabel", Set.of(), Set.of(), Language.FR, 10).total()).isEqualTo(1);
    }

    @Test
    void aSiteWithoutANameOrWithATakenOrMalformedShortNameIsRefusedAndNothingIsStored() {
        assertThat(rejection(() -> workspace.knowledge().saveSite(newSite("nameless", Localized.EMPTY))))
                .isEqualTo("site.name-required");
        assertThat(rejection(() -> workspace.knowledge().saveSite(newSite("asa", new Localized(null, "Autre", null)))))
                .isEqualTo("site.slug-taken");
        assertThat(rejection(() -> workspace.knowledge().saveSite(newSite("Mon Site!", new Localized(null, "X", null)))))
                .isEqualTo("site.slug-invalid");
        assertThat(rejection(() -> workspace.knowledge().saveSite(newSite("long", new Localized(null,
                "x".repeat(501), null))))).isEqualTo("input.field-too-long");
        assertThat(workspace.catalog().sites()).hasSize(15);
    }

    @Test
    void confirmingAFieldKeepsWhoAndWhenAndCorrectingOneTakesItsMarkOffToo() {
        Site agency = workspace.catalog().site("digital-agency").orElseThrow();
        assertThat(agency.toConfirm()).containsExactlyInAnyOrder(Site.Field.NAME, Site.Field.CITY, Site.Field.LEVEL);

        Site confirmed = workspace.knowledge().confirm(agency.id(), Site.Field.NAME);
        assertThat(confirmed.toConfirm()).containsExactlyInAnyOrder(Site.Field.CITY, Site.Field.LEVEL);
        assertThat(confirmed.confirmations().get(Site.Field.NAME).by()).isEqualTo("Amina El Idrissi");

        Site corrected = workspace.knowledge().saveSite(withCity(confirmed, new Localized("نامور", "Namur (Jambes)",
                "Namur (Jambes)")));
        assertThat(corrected.toConfirm()).containsExactly(Site.Field.LEVEL);
        assertThat(corrected.confirmations()).containsKeys(Site.Field.NAME, Site.Field.CITY);
        assertThat(workspace.catalog().site("digital-agency").orElseThrow()).isEqualTo(corrected);
    }

    @Test
    void factsAreAddedEditedAndRemovedWithTheSiteAndACorrectedFactLosesItsMark() {
        Site agency = workspace.catalog().site("digital-agency").orElseThrow();
        List<SiteFact> facts = new ArrayList<>(agency.facts());
        SiteFact marked = facts.stream().filter(SiteFact::toConfirm).findFirst().orElseThrow();
        SiteFact other = facts.stream().filter(fact -> !fact.toConfirm()).findFirst().orElseThrow();
        facts.remove(other);
        facts.set(facts.indexOf(marked), new SiteFact(marked.id(), marked.siteId(), marked.position(),
                new Localized(null, "Le texte d'origine dit « Agence numérique » : c'est l'AdN.", null),
                "présentation de l'hôte, 27 sept. 2022", true, null));
        facts.add(new SiteFact(null, null, 0, new Localized("معلومة جديدة", null, null), null, false, null));

        Site saved = workspace.knowledge().saveSite(agency, facts);
        assertThat(saved.facts()).hasSize(agency.facts().size());
        assertThat(saved.facts()).noneMatch(fact -> fact.id().equals(other.id()));
        SiteFact corrected = saved.facts().stream().filter(fact -> fact.id().equals(marked.id())).findFirst().orElseThrow();
        assertThat(corrected.toConfirm()).isFalse();
        assertThat(corrected.confirmation().by()).isEqualTo("Amina El Idrissi");
        assertThat(corrected.source()).isEqualTo("présentation de l'hôte, 27 sept. 2022");
        assertThat(saved.facts()).extracting(fact -> fact.text().ar()).contains("معلومة جديدة");

        List<SiteFact> emptyFact = List.of(new SiteFact(null, null, 0, Localized.EMPTY, "a source alone", false, null));
        assertThat(rejection(() -> workspace.knowledge().saveSite(saved, emptyFact))).isEqualTo("fact.text-required");
        assertThat(workspace.catalog().site("digital-agency").orElseThrow().facts()).isEqualTo(saved.facts());
    }

    @Test
    void themesAreRenamedHiddenAndAddedAllAtOnceOrNotAtAll() {
        List<Theme> themes = workspace.catalog().themes();
        Theme first = themes.get(0);
        Theme renamed = new Theme(first.id(), first.code(), new Localized(first.label().ar(), "Simplification",
                first.label().en()), first.position(), true);
        Theme added = new Theme(null, "open-data", new Localized("المعطيات المفتوحة", "Données ouvertes", "Open data"),
                0, false);
        Theme clash = new Theme(null, themes.get(1).code(), new Localized(null, "Doublon", null), 0, false);
        assertThat(rejection(() -> workspace.knowledge().saveThemes(List.of(renamed, added, clash))))
                .isEqualTo("theme.code-taken");
        assertThat(workspace.catalog().themes()).isEqualTo(themes);

        workspace.knowledge().saveThemes(List.of(renamed, added));
        List<Theme> now = workspace.catalog().themes();
        assertThat(now).hasSize(11);
        assertThat(now.get(0).hidden()).isTrue();
        assertThat(now.get(0).code()).isEqualTo(first.code());
        assertThat(now.get(10).code()).isEqualTo("open-data");
        // A hidden theme stays on what it marks.
        assertThat(workspace.catalog().site("asa").orElseThrow().themeCodes()).contains(first.code());
    }

    @Test
    void aVisitNeedsATitleAndDatesInOrderAndKeepsItsCode() {
        Visit visit = new Visit(null, "estonia-2025", new Localized(null, "Visite en Estonie", null), "E-TAMKEEN",
                Localized.EMPTY, Localized.EMPTY, LocalDate.of(2025, 5, 16), LocalDate.of(2025, 5, 12), 12, 9,
                Localized.EMPTY, List.of());
        assertThat(rejection(() -> workspace.knowledge().saveVisit(visit))).isEqualTo("visit.dates-order");
        Visit untitled = new Visit(null, "estonia-2025", Localized.EMPTY, null, Localized.EMPTY, Localized.EMPTY, null,
                null, null, null, Localized.EMPTY, List.of());
        assertThat(rejection(() -> workspace.knowledge().saveVisit(untitled))).isEqualTo("visit.title-required");
        Visit belgium = workspace.catalog().visit("belgium-2022").orElseThrow();
        Visit renamed = new Visit(belgium.id(), "belgium", belgium.title(), belgium.programme(), belgium.country(),
                belgium.cities(), belgium.startsOn(), belgium.endsOn(), belgium.delegationSize(),
                belgium.administrationCount(), belgium.description(), belgium.sources());
        assertThat(rejection(() -> workspace.knowledge().saveVisit(renamed))).isEqualTo("visit.code-fixed");
        assertThat(workspace.catalog().visits()).containsExactly(belgium);
    }

    @Test
    void aDeletedSiteIsOneItemOfTheTrashAndComesBackWithItsEntriesAndAnEntryOfItBringsItBackToo() {
        UUID asa = Seeder.siteId("asa");
        Note kept = workspace.notes().save(new Note(UUID.randomUUID(), asa, null, null, "zebulon avant", null));
        Note earlier = workspace.notes().save(new Note(UUID.randomUUID(), asa, null, null, "zebulon supprimee", null));
        workspace.trash().delete(EntryKind.NOTE, earlier.id());
        assertThat(workspace.knowledge().deleteSite(asa)).isTrue();

        assertThat(workspace.catalog().site("asa")).isEmpty();
        workspace.search().awaitReady();
        assertThat(workspace.search().search("zebulon", Set.of(), Set.of(), Language.FR, 10).total()).isZero();
        List<TrashItem> trash = workspace.trash().list(Optional.empty());
        assertThat(trash).as("the site, and the note deleted before it; not the note deleted with it")
                .extracting(TrashItem::isSite).containsExactlyInAnyOrder(true, false);

        // Restoring the note deleted earlier brings its site back, with the note deleted along with the site.
        TrashItem note = trash.stream().filter(item -> !item.isSite()).findFirst().orElseThrow();
        assertThat(workspace.trash().restore(note)).isTrue();
        assertThat(workspace.catalog().site("asa")).isPresent();
        assertThat(workspace.notes().forSite(asa)).extracting(Note::id).containsExactlyInAnyOrder(kept.id(), earlier.id());
        assertThat(workspace.search().search("zebulon", Set.of(), Set.of(), Language.FR, 10).total()).isEqualTo(2);

        workspace.knowledge().deleteSite(asa);
        assertThat(workspace.trash().empty(Optional.empty())).isPositive();
        assertThat(workspace.trash().list(Optional.empty())).isEmpty();
        assertThat(workspace.knowledge().restoreSite(asa)).as("emptied: a tombstone").isFalse();
    }
}
