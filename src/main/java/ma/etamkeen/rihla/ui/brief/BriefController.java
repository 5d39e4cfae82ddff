package ma.etamkeen.rihla.ui.brief;

import java.io.File;
import java.util.Map;

import javafx.fxml.FXML;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import ma.etamkeen.rihla.brief.BriefPages;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.Images;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * Binds the brief preview: the options on the side, the page as it will come out, Print (Ctrl+P) through
 * the system's print dialog, and Save as PDF (Ctrl+S). Without a printer it offers the PDF instead.
 */
public final class BriefController {
    /** The printer gets the page at this resolution. */
    private static final float PRINT_DPI = 300;

    private final BriefViewModel viewModel;
    private final WindowContext context;
    private final Dialogs dialogs;

    @FXML
    private RadioButton arabicButton;
    @FXML
    private RadioButton frenchButton;
    @FXML
    private RadioButton englishButton;
    @FXML
    private CheckBox summaryBox;
    @FXML
    private CheckBox lessonsBox;
    @FXML
    private CheckBox ideasBox;
    @FXML
    private CheckBox notesBox;
    @FXML
    private CheckBox factsBox;
    @FXML
    private Label statusLabel;
    @FXML
    private Button printButton;
    @FXML
    private Button saveButton;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private ImageView pageView;
    @FXML
    private Label drawingLabel;

    public BriefController(BriefViewModel viewModel, WindowContext context, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.context = context;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        ToggleGroup languages = new ToggleGroup();
        Map<Language, RadioButton> buttons = Map.of(Language.AR, arabicButton, Language.FR, frenchButton,
                Language.EN, englishButton);
        buttons.forEach((language, button) -> {
            button.setToggleGroup(languages);
            button.setOnAction(event -> viewModel.languageProperty().set(language));
        });
        buttons.get(viewModel.languageProperty().get()).setSelected(true);
        viewModel.languageProperty().addListener((obs, old, language) -> buttons.get(language).setSelected(true));
        summaryBox.selectedProperty().bindBidirectional(viewModel.summaryProperty());
        lessonsBox.selectedProperty().bindBidirectional(viewModel.lessonsProperty());
        ideasBox.selectedProperty().bindBidirectional(viewModel.ideasProperty());
        notesBox.selectedProperty().bindBidirectional(viewModel.notesProperty());
        factsBox.selectedProperty().bindBidirectional(viewModel.factsProperty());

        // The whole page in view, as tall as the pane allows.
        pageView.imageProperty().bind(viewModel.previewProperty());
        pageView.fitHeightProperty().bind(pageScroll.heightProperty().subtract(32));
        pageView.fitWidthProperty().bind(pageScroll.widthProperty().subtract(32));
        drawingLabel.visibleProperty().bind(viewModel.previewProperty().isNull());
        pageView.opacityProperty().bind(javafx.beans.binding.Bindings.when(viewModel.readyProperty()).then(1.0).otherwise(0.6));
        printButton.disableProperty().bind(viewModel.readyProperty().not());
        saveButton.disableProperty().bind(viewModel.readyProperty().not());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        pageScroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::print);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::savePdf);
            }
        });
        viewModel.load();
    }

    /** The system's print dialog, then the page; without any printer, the offer of a PDF. */
    @FXML
    private void print() {
        byte[] pdf = viewModel.pdf();
        if (pdf == null) {
            return;
        }
        Messages messages = context.language().messages();
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            if (dialogs.confirm(messages.get("brief.no-printer.title"), messages.get("brief.no-printer"),
                    messages.get("brief.save-pdf"))) {
                savePdf();
            }
            return;
        }
        if (!job.showPrintDialog(window())) {
            job.cancelJob();
            return;
        }
        viewModel.setStatus(messages.get("brief.printing"));
        context.background().read(workspace -> BriefPages.draw(pdf, PRINT_DPI), page -> {
            PageLayout layout = job.getPrinter().createPageLayout(Paper.A4, PageOrientation.PORTRAIT,
                    Printer.MarginType.HARDWARE_MINIMUM);
            ImageView printed = new ImageView(Images.toFx(page));
            printed.setPreserveRatio(true);
            printed.setFitWidth(layout.getPrintableWidth());
            printed.setFitHeight(layout.getPrintableHeight());
            boolean done = job.printPage(layout, printed) && job.endJob();
            viewModel.setStatus(messages.get(done ? "brief.printed-ok" : "brief.print-failed"));
        });
    }

    @FXML
    private void savePdf() {
        if (viewModel.pdf() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.language().messages().get("brief.save-pdf"));
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            viewModel.saveAs(file.toPath());
        }
    }

    private Window window() {
        return pageScroll.getScene().getWindow();
    }
}
