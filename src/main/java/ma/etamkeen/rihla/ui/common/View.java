package ma.etamkeen.rihla.ui.common;

import java.net.URL;
import java.util.Objects;

/** Every FXML file of the app, so a broken path fails at once (and in a test), not when a user clicks. */
public enum View {
    MAIN("main/MainView.fxml"),
    SITE_LIST("sites/SiteListView.fxml"),
    SITE_DETAIL("site/SiteDetailView.fxml"),
    PRACTICES("practices/PracticesView.fxml"),
    BOARD("board/BoardView.fxml"),
    CHARTS("charts/ChartsView.fxml"),
    SEARCH("search/SearchView.fxml"),
    BRIEF("brief/BriefView.fxml"),
    ALL_BRIEFS("brief/AllBriefsView.fxml"),
    NOTES("notes/NotesView.fxml"),
    LESSONS("lessons/LessonsView.fxml"),
    IDEAS("ideas/IdeasView.fxml"),
    ATTACHMENTS("attachments/AttachmentsView.fxml"),
    TRASH("trash/TrashView.fxml"),
    PEOPLE("people/PeopleView.fxml"),
    BACKUPS("backups/BackupsView.fxml"),
    SETTINGS("settings/SettingsView.fxml"),
    EXPORT("exchange/ExportView.fxml"),
    IMPORT("exchange/ImportView.fxml"),
    SYNC_SETTINGS("exchange/SyncSettingsView.fxml"),
    SYNC_CONFLICTS("exchange/SyncConflictsView.fxml"),
    DAMAGED_STORE("repair/DamagedStoreView.fxml"),
    SITE_EDITOR("knowledge/SiteEditorView.fxml"),
    VISIT_EDITOR("knowledge/VisitEditorView.fxml"),
    THEMES_EDITOR("knowledge/ThemesEditorView.fxml");

    private static final String ROOT = "/ma/etamkeen/rihla/ui/";
    private final String path;

    View(String path) {
        this.path = path;
    }

    public URL url() {
        return Objects.requireNonNull(View.class.getResource(ROOT + path), () -> "Missing FXML " + ROOT + path);
    }
}
