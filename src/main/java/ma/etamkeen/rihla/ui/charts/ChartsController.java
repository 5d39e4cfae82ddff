package ma.etamkeen.rihla.ui.charts;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.service.Pictures;
import ma.etamkeen.rihla.ui.charts.ChartsViewModel.ByTarget;
import ma.etamkeen.rihla.ui.charts.ChartsViewModel.ByTheme;
import ma.etamkeen.rihla.ui.charts.ChartsViewModel.Figures;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The charts page, drawn with JavaFX's own charts in the UI language and mirrored in Arabic (the window's
 * orientation): ideas per target administration by status (stacked bars), ideas by impact and effort (a 3×3
 * grid of counts, high impact and small effort in the corner that matters most), lessons and ideas per theme
 * (bars). Each picture saves as PNG, as it is on screen.
 */
public final class ChartsController {
    private final ChartsViewModel viewModel;
    private final WindowContext context;
    private final ViewScope scope;

    @FXML
    private VBox targetPane;
    @FXML
    private VBox matrixPane;
    @FXML
    private VBox themePane;
    @FXML
    private StackedBarChart<String, Number> targetChart;
    @FXML
    private BarChart<String, Number> themeChart;
    @FXML
    private GridPane matrix;
    @FXML
    private NumberAxis targetCount;
    @FXML
    private NumberAxis themeCount;
    @FXML
    private Label unratedLabel;

    /** Counts are whole: the ticks an axis puts between them are left without a label. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            double number = value.doubleValue();
            return number == Math.rint(number) ? String.valueOf((long) number) : "";
        }

        @Override
        public Number fromString(String text) {
            return Long.valueOf(text);
        }
    };

    public ChartsController(ChartsViewModel viewModel, WindowContext context, ViewScope scope) {
        this.viewModel = viewModel;
        this.context = context;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        for (NumberAxis axis : List.of(targetCount, themeCount)) {
            axis.setTickLabelFormatter(WHOLE_NUMBERS);
            axis.setMinorTickVisible(false);
        }
        scope.onChange(viewModel.figuresProperty(), (old, figures) -> show(figures));
        if (viewModel.figuresProperty().get() != null) {
            show(viewModel.figuresProperty().get());
        }
        viewModel.load();
    }

    private void show(Figures figures) {
        if (figures == null) {
            return;
        }
        Messages messages = context.language().messages();
        targetChart.getData().clear();
        for (Idea.Status status : Idea.Status.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(messages.get("idea-status." + status.code()));
            for (ByTarget target : figures.byTarget()) {
                series.getData().add(new XYChart.Data<>(target.name(), target.counts().getOrDefault(status, 0)));
            }
            targetChart.getData().add(series);
        }

        themeChart.getData().clear();
        XYChart.Series<String, Number> lessons = new XYChart.Series<>();
        lessons.setName(messages.get("charts.lessons"));
        XYChart.Series<String, Number> ideas = new XYChart.Series<>();
        ideas.setName(messages.get("charts.ideas"));
        for (ByTheme theme : figures.byTheme()) {
            lessons.getData().add(new XYChart.Data<>(theme.label(), theme.lessons()));
            ideas.getData().add(new XYChart.Data<>(theme.label(), theme.ideas()));
        }
        themeChart.getData().addAll(List.of(lessons, ideas));

        matrix.getChildren().clear();
        matrix.add(label(messages.get("charts.impact") + " \\ " + messages.get("charts.effort"), "matrix-corner"), 0, 0);
        Idea.Effort[] efforts = Idea.Effort.values();
        for (int e = 0; e < efforts.length; e++) {
            matrix.add(label(messages.get("effort." + efforts[e].name().toLowerCase(java.util.Locale.ROOT)),
                    "matrix-heading"), e + 1, 0);
        }
        Idea.Impact[] impacts = Idea.Impact.values();
        int most = 1;
        for (int[] row : figures.matrix()) {
            for (int count : row) {
                most = Math.max(most, count);
            }
        }
        for (int i = 0; i < impacts.length; i++) {
            int row = impacts.length - i;  // high impact on top
            matrix.add(label(messages.get("impact." + impacts[i].code()), "matrix-heading"), 0, row);
            for (int e = 0; e < efforts.length; e++) {
                int count = figures.matrix()[i][e];
                Label cell = label(messages.format("charts.count", count), "matrix-cell");
                cell.setAlignment(javafx.geometry.Pos.CENTER);
                cell.setId("matrix-" + impacts[i].code() + "-" + efforts[e].name().toLowerCase(java.util.Locale.ROOT));
                // The more ideas, the deeper the tint (the app's accent, 12% to 60%).
                cell.setStyle("-fx-background-color: rgba(15, 107, 92, " + (0.12 + 0.48 * count / most) + ");");
                matrix.add(cell, e + 1, row);
            }
        }
        unratedLabel.setText(messages.format("charts.unrated", figures.unrated()));
    }

    private static Label label(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setMinWidth(120);
        label.setMinHeight(40);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    @FXML
    private void saveTargets() {
        save(targetPane, "charts.by-target");
    }

    @FXML
    private void saveMatrix() {
        save(matrixPane, "charts.matrix");
    }

    @FXML
    private void saveThemes() {
        save(themePane, "charts.by-theme");
    }

    /** Saves {@code pane} as it is drawn (title and picture) to a PNG file the user names. */
    private void save(Node pane, String titleKey) {
        Messages messages = context.language().messages();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("charts.save"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("charts.file-type"), "*.png"));
        chooser.setInitialFileName(ma.etamkeen.rihla.text.FileNames.forDisk(messages.get(titleKey)) + ".png");
        File file = chooser.showSaveDialog(pane.getScene().getWindow());
        if (file != null) {
            write(pane, file.toPath());
        }
    }

    /** Writes {@code node} as drawn to {@code file} as PNG; the status bar says where, or why not. */
    void write(Node node, Path file) {
        Messages messages = context.language().messages();
        BufferedImage picture = picture(node.snapshot(null, null));
        context.background().read(workspace -> {
            Pictures.writePng(picture, file);
            return file;
        }, saved -> context.saveStatus().info(messages.format("charts.saved", saved)),
                failure -> context.saveStatus().failed(context.describe(failure)));
    }

    /** The snapshot's pixels as an AWT image, for ImageIO (javafx.swing is not among the app's modules). */
    public static BufferedImage picture(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return picture;
    }
}
