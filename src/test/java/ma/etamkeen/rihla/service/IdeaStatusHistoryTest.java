package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.StatusChange;
import ma.etamkeen.rihla.store.Seeder;

/**
 * Every move of an idea for transfer to a status is kept with who and when, on a real store, and travels in
 * packages: the laptop that imports sees the whole history, written by the one who moved it.
 */
class IdeaStatusHistoryTest {
    @TempDir
    Path folder;

    private static Idea idea(String title) {
        return new Idea(UUID.randomUUID(), Seeder.siteId("easy-brussels"), null, null, title, null, null, null, null,
                null, null, Set.of("data-once-only"), Set.of(), null);
    }

    private static List<Idea.Status> statuses(Workspace workspace, UUID idea) {
        return workspace.ideas().history(List.of(idea)).getOrDefault(idea, List.of()).stream()
                .map(StatusChange::status).toList();
    }

    @Test
    void eachMoveIsKeptWithWhoAndWhenAndANewIdeaStartsItsHistory() {
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            Delegate amina = workspace.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", null));
            workspace.identity().setMe(amina.id());
            Idea decree = workspace.ideas().save(idea("Un décret « une seule fois »"));
            assertThat(statuses(workspace, decree.id())).containsExactly(Idea.Status.PROPOSED);

            workspace.ideas().move(decree.id(), Idea.Status.UNDER_STUDY);
            workspace.ideas().move(decree.id(), Idea.Status.UNDER_STUDY);  // where it is already: nothing to keep
            workspace.ideas().save(workspace.ideas().forSite(decree.siteId()).get(0));  // an edit, no move
            workspace.ideas().move(decree.id(), Idea.Status.ADOPTED);

            List<StatusChange> history = workspace.ideas().history(List.of(decree.id())).get(decree.id());
            assertThat(history).extracting(StatusChange::status)
                    .containsExactly(Idea.Status.PROPOSED, Idea.Status.UNDER_STUDY, Idea.Status.ADOPTED);
            assertThat(history).extracting(StatusChange::by).containsOnly("Amina El Idrissi");
            assertThat(history.get(2).at()).isAfterOrEqualTo(history.get(1).at());
            assertThat(workspace.ideas().forSite(decree.siteId()).get(0).status()).isEqualTo(Idea.Status.ADOPTED);
        }
    }

    @Test
    void theHistoryTravelsInAPackageAndTheImportingLaptopAddsNoneOfItsOwn() {
        UUID decree;
        Path pkg = folder.resolve("amina.rihla");
        try (Workspace amina = Workspace.open(folder.resolve("amina"))) {
            Delegate me = amina.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", null));
            amina.identity().setMe(me.id());
            decree = amina.ideas().save(idea("مرسوم «مرة واحدة فقط»")).id();
            amina.ideas().move(decree, Idea.Status.PILOTING);
            amina.exchange().export(pkg, ExchangeService.ExportScope.all(), ExchangeService.Progress.NONE);
        }
        try (Workspace youssef = Workspace.open(folder.resolve("youssef"));
             ExchangePackage read = youssef.exchange().read(pkg)) {
            youssef.exchange().apply(read, youssef.exchange().plan(read), Map.of(), ExchangeService.Progress.NONE,
                    () -> false);
            List<StatusChange> history = youssef.ideas().history(List.of(decree)).get(decree);
            assertThat(history).extracting(StatusChange::status)
                    .containsExactly(Idea.Status.PROPOSED, Idea.Status.PILOTING);
            assertThat(history).extracting(StatusChange::by).containsOnly("Amina El Idrissi");
            assertThat(youssef.ideas().all()).filteredOn(idea -> idea.id().equals(decree)).singleElement()
                    .extracting(Idea::status).isEqualTo(Idea.Status.PILOTING);
        }
    }
}
