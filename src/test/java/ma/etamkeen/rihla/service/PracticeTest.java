package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.store.Seeder;

/** The practices table and its facet counts, on a real store. */
class PracticeTest {
    @TempDir
    Path folder;

    private Workspace workspace;
    private Administration dgi;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
        dgi = workspace.people().save(new Administration(UUID.randomUUID(), null, "Direction Générale des Impôts", "DGI"));
        lesson("asa", "Measure the administrative burden", "simplification");
        lesson("ewbs", "A plan voted by two governments", "simplification", "digital-services");
        lesson("easy-brussels", "Once-only by ordinance", "simplification", "data-once-only");
        idea("easy-brussels", "A once-only decree", Idea.Status.UNDER_STUDY, "simplification", "data-once-only");
        idea("fps-bosa", "One citizen portal", Idea.Status.PROPOSED, "digital-services");
        lesson("becode", "Free coding schools", "digital-skills");
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void lesson(String slug, String title, String... themes) {
        workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId(slug), null, title, null, null,
                Set.of(themes), null));
    }

    private void idea(String slug, String title, Idea.Status status, String... themes) {
        workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId(slug), null, null, title, null, null, null,
                status, null, null, Set.of(themes), Set.of(dgi.id()), null));
    }

    @Test
    void theSimplificationThemeGivesTheAsaEwbsAndEasyBrusselsPracticesAndTheCountsAgree() {
        Facets facets = workspace.practices().filter(PracticeFilter.none().toggle(Facet.THEME, "simplification"));
        assertThat(facets.matching()).extracting(Practice::title).containsExactlyInAnyOrder(
                "Measure the administrative burden", "A plan voted by two governments", "Once-only by ordinance",
                "A once-only decree");
        assertThat(facets.counts().get(Facet.THEME).get("simplification")).isEqualTo(4);
        assertThat(facets.counts().get(Facet.SITE)).containsEntry(Seeder.siteId("asa").toString(), 1)
                .containsEntry(Seeder.siteId("ewbs").toString(), 1)
                .containsEntry(Seeder.siteId("easy-brussels").toString(), 2)
                .containsEntry(Seeder.siteId("becode").toString(), 0);  // shown dimmed, not hidden
        // Counts of a facet answer "what if I tick this too": other themes still count as if open.
        assertThat(facets.counts().get(Facet.THEME).get("digital-skills")).isEqualTo(1);
        assertThat(facets.counts().get(Facet.CITY)).containsEntry("Brussels", 3).containsEntry("Namur", 1);
    }

    @Test
    void facetsCombineAnyWithinAndAllAcrossAndThemesMayAskForAll() {
        PracticeFilter any = PracticeFilter.none().toggle(Facet.THEME, "simplification").toggle(Facet.THEME, "data-once-only");
        assertThat(workspace.practices().filter(any).matching()).hasSize(4);
        PracticeFilter all = any.withAllThemes(true);
        assertThat(workspace.practices().filter(all).matching()).extracting(Practice::title)
                .containsExactlyInAnyOrder("Once-only by ordinance", "A once-only decree");
        PracticeFilter ideasOnly = any.toggle(Facet.KIND, EntryKind.IDEA.code());
        assertThat(workspace.practices().filter(ideasOnly).matching()).extracting(Practice::title)
                .containsExactly("A once-only decree");
        PracticeFilter target = PracticeFilter.none().toggle(Facet.TARGET, dgi.id().toString());
        Facets targeted = workspace.practices().filter(target);
        assertThat(targeted.matching()).hasSize(2).allSatisfy(p -> assertThat(p.kind()).isEqualTo(EntryKind.IDEA));
        assertThat(targeted.counts().get(Facet.STATUS)).containsEntry("under-study", 1).containsEntry("proposed", 1);
    }

    @Test
    void theLastFilterAndSearchAreRememberedAcrossRestarts() {
        PracticeFilter filter = PracticeFilter.none().toggle(Facet.THEME, "simplification").withAllThemes(true);
        workspace.practices().rememberFilter(filter);
        workspace.practices().rememberSearch("once only");
        workspace.close();
        workspace = Workspace.open(folder);
        assertThat(workspace.practices().lastFilter()).isEqualTo(filter);
        assertThat(workspace.practices().lastSearch()).isEqualTo("once only");
    }
}
