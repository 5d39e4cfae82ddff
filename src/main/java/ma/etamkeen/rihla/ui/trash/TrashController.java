package ma.etamkeen.rihla.ui.trash;

import java.time.format.FormatStyle;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds a trash (of one site, or of all): restore an entry, or empty the trash after a confirmation. */
public final class TrashController {
    private final TrashViewModel viewModel;
    private final WindowContext context;
    private final Dialogs dialogs;

    @FXML
    private ListView<TrashItem> list;
    @FXML
    private Button restoreButton;
    @FXML
    private Button emptyButton;

    public TrashController(TrashViewModel viewModel, WindowContext context, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.context = context;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        EntryViews.showItems(list, viewModel.items());
        list.setPlaceholder(new Label(messages.get("trash.nothing")));
        EntryViews.twoLineCells(list, item -> item.isSite() ? item.siteName().in(context.language().get())
                : Texts.firstLine(item.label(), messages.get("notes.empty-note")), this::describe);
        restoreButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        emptyButton.disableProperty().bind(Bindings.isEmpty(viewModel.items()));
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                restore();
            }
        });
        viewModel.reload();
    }

    private String describe(TrashItem item) {
        Messages messages = context.language().messages();
        String when = context.language().dateTime(FormatStyle.SHORT).format(item.deletedAt());
        String kind = messages.get("kind." + item.kind().code());
        return viewModel.allSites() && !item.isSite()
                ? messages.format("trash.detail.site", kind, item.siteName().in(context.language().get()), when)
                : messages.format("trash.detail", kind, when);
    }

    @FXML
    private void restore() {
        TrashItem item = list.getSelectionModel().getSelectedItem();
        if (item != null) {
            viewModel.restore(item);
        }
    }

    @FXML
    private void empty() {
        Messages messages = context.language().messages();
        String text = viewModel.allSites() ? messages.format("trash.empty.confirm.all", viewModel.items().size())
                : messages.format("trash.empty.confirm", viewModel.items().size());
        if (dialogs.confirm(messages.get("trash.empty"), text, messages.get("trash.empty.yes"))) {
            viewModel.empty();
        }
    }
}
