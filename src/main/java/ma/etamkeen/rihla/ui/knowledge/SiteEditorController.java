package ma.etamkeen.rihla.ui.knowledge;

import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.ui.common.Chips;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.Form;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.knowledge.SiteEditorViewModel.FactDraft;

/**
 * The form of a site: a row per field of the field model, texts in three languages side by side, the level
 * chosen from the list, the short name typed for a new site only, a field marked "to be confirmed" flagged
 * beside its name (correcting it takes the mark off); its themes (hidden themes are not offered, unless the
 * site has them); its facts, each with its source, added and removed here and saved with the site.
 */
public final class SiteEditorController implements Form {
    private final SiteEditorViewModel viewModel;
    private final WindowContext context;
    private final ViewScope scope;
    private final Consumer<Site> onSaved;

    @FXML
    private VBox root;
    @FXML
    private GridPane form;
    @FXML
    private CheckComboBox<Theme> themesBox;
    @FXML
    private Button addFactButton;
    @FXML
    private VBox factList;
    @FXML
    private Label problemLabel;
    private FormRows rows;

    /** @param onSaved gets the site as stored, once saved (to select a new one) */
    public SiteEditorController(SiteEditorViewModel viewModel, WindowContext context, ViewScope scope,
                                Consumer<Site> onSaved) {
        this.viewModel = viewModel;
        this.context = context;
        this.scope = scope;
        this.onSaved = onSaved;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        rows = new FormRows(form, RecordKind.SITE, viewModel.texts(), messages, problemLabel::setText);
        rows.localized("name", label("name", Site.Field.NAME), false);
        rows.single(label("name_original", Site.Field.NAME), rows.field("name_original"));
        rows.single(label("slug", null), slugField());
        rows.localized("type", label("type", null), false);
        rows.single(label("level", Site.Field.LEVEL), levelBox());
        rows.localized("level_detail", label("level_detail", Site.Field.LEVEL), false);
        rows.localized("city", label("city", Site.Field.CITY), false);
        rows.single(label("address", Site.Field.ADDRESS), rows.field("address"));
        rows.single(label("website", Site.Field.WEBSITE), FormRows.leftToRight(rows.field("website")));
        rows.localized("summary", label("summary", null), true);

        // Hidden themes are no longer offered; a site that has one keeps it.
        FilteredList<Theme> offered = new FilteredList<>(context.themes(),
                theme -> !theme.hidden() || viewModel.themes().contains(theme.code()));
        EntryViews.checkPicker(scope, themesBox, offered, viewModel.themes(), Theme::code,
                theme -> theme.label().in(context.language().get()));

        viewModel.facts().forEach(fact -> factList.getChildren().add(factNode(fact)));
        viewModel.facts().addListener((ListChangeListener<FactDraft>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(fact -> factList.getChildren().removeIf(node -> node.getUserData() == fact));
            }
        });
        root.disableProperty().bind(viewModel.busyProperty());
        Platform.runLater(() -> rows.first().requestFocus());
    }

    /** The field's name, and the mark when the stored site has it "to be confirmed" (correcting it takes it off). */
    private Node label(String name, Site.Field mark) {
        Messages messages = context.language().messages();
        return rows.label(name, mark == null || !viewModel.isToConfirm(mark) ? null
                : Chips.toConfirm(messages.get("site.to-confirm"), messages.get("site.to-confirm.edit-tooltip")));
    }

    private Node slugField() {
        if (!viewModel.isNew()) {
            Label fixed = FormRows.leftToRight(new Label(viewModel.slugProperty().get()));
            fixed.getStyleClass().add("field-value");
            return fixed;  // the short name names the site on every laptop: it never changes
        }
        TextField field = FormRows.leftToRight(new TextField());
        field.setId("slug");
        field.textProperty().bindBidirectional(viewModel.slugProperty());
        field.setOnKeyTyped(event -> viewModel.slugTyped());
        field.setPromptText(context.language().messages().get("site.slug.prompt"));
        return field;
    }

    private Node levelBox() {
        Messages messages = context.language().messages();
        ComboBox<GovernmentLevel> box = new ComboBox<>();
        box.setId("level");
        box.getItems().setAll(GovernmentLevel.values());
        box.setConverter(Texts.converter(level -> level == null ? "" : messages.get(level.messageKey())));
        box.valueProperty().bindBidirectional(viewModel.levelProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A fact: its text in three languages, its source, its mark, and Remove. */
    private Node factNode(FactDraft fact) {
        Messages messages = context.language().messages();
        HBox texts = new HBox(8);
        Map<String, javafx.beans.property.StringProperty> fields = fact.texts();
        for (String language : FormRows.LANGUAGES) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(2);
            area.setPromptText(messages.get("field.lang." + language));
            rows.bind(area, fields.get("text_" + language), RecordKind.FACT, "text_" + language);
            if (language.equals("ar") && area.getText().isEmpty()) {
                area.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            }
            HBox.setHgrow(area, Priority.ALWAYS);
            texts.getChildren().add(area);
        }
        TextField source = new TextField();
        source.setPromptText(messages.get("site.fact.source.prompt"));
        rows.bind(source, fields.get("source"), RecordKind.FACT, "source");
        HBox.setHgrow(source, Priority.ALWAYS);
        Button remove = new Button(messages.get("site.fact.remove"));
        remove.setOnAction(event -> viewModel.removeFact(fact));
        HBox sourceLine = new HBox(8, new Label(messages.get("field.source")), source);
        sourceLine.setAlignment(Pos.CENTER_LEFT);
        if (fact.toConfirm()) {
            sourceLine.getChildren().add(Chips.toConfirm(messages.get("site.to-confirm"),
                    messages.get("site.to-confirm.edit-tooltip")));
        }
        sourceLine.getChildren().add(remove);
        VBox box = new VBox(6, texts, sourceLine);
        box.getStyleClass().add("fact-editor");
        box.setUserData(fact);
        return box;
    }

    @FXML
    private void addFact() {
        Node added = factNode(viewModel.addFact());
        factList.getChildren().add(added);
        Platform.runLater(() -> added.lookup(".text-area").requestFocus());
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Label problem() {
        return problemLabel;
    }

    @Override
    public void save(Consumer<String> refused, Runnable saved) {
        viewModel.save(refused, site -> {
            saved.run();
            onSaved.accept(site);
        });
    }

    @Override
    public boolean isDirty() {
        return viewModel.isDirty();
    }

    /** The dialog's title: a new site of the visit, or the site's name. */
    @Override
    public String title() {
        Messages messages = context.language().messages();
        Language language = context.language().get();
        return viewModel.isNew() ? messages.get("site.new.title")
                : messages.format("site.edit.title", viewModel.original().name().in(language));
    }
}
