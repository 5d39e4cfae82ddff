package ma.etamkeen.rihla.ui.exchange;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the sync conflicts list: each conflict's two versions side by side, a button above each to keep it. */
public final class SyncConflictsController {
    private final SyncConflictsViewModel viewModel;
    private final WindowContext context;

    @FXML
    private Label messageLabel;
    @FXML
    private VBox conflictsBox;

    public SyncConflictsController(SyncConflictsViewModel viewModel, WindowContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.conflicts().addListener((ListChangeListener<ImportViewModel.ConflictView>) change -> show());
        viewModel.load();
    }

    private void show() {
        conflictsBox.getChildren().setAll(viewModel.conflicts().stream().map(this::row).toList());
        if (!conflictsBox.getChildren().isEmpty()) {
            conflictsBox.getChildren().get(0).lookupAll(".button").stream().findFirst().ifPresent(button -> button.requestFocus());
        }
    }

    private VBox row(ImportViewModel.ConflictView view) {
        Messages messages = context.language().messages();
        Button mine = new Button(messages.get("sync.conflicts.mine"));
        Button theirs = new Button(messages.get("sync.conflicts.theirs"));
        Button both = new Button(messages.get("sync.conflicts.both"));
        mine.setOnAction(event -> viewModel.settle(view.conflict().id(), Resolution.MINE));
        theirs.setOnAction(event -> viewModel.settle(view.conflict().id(), Resolution.THEIRS));
        both.setOnAction(event -> viewModel.settle(view.conflict().id(), Resolution.BOTH));
        both.setDisable(!view.canKeepBoth());
        HBox sides = new HBox(12, ImportController.side(mine, view.mine(), view.mineChanged()),
                ImportController.side(theirs, view.theirs(), view.theirsChanged()));
        Label kind = new Label(view.kind());
        kind.getStyleClass().add("field-label");
        VBox row = new VBox(6, kind, sides, both);
        row.getStyleClass().add("conflict");
        return row;
    }
}
