package ma.etamkeen.rihla.ui.exchange;

import java.io.File;

import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;


/** Binds the sync settings dialog; a path and a host name stay left to right in Arabic too. */
public final class SyncSettingsController {
    private final SyncSettingsViewModel viewModel;

    @FXML
    private RadioButton noneRadio;
    @FXML
    private RadioButton folderRadio;
    @FXML
    private RadioButton serverRadio;
    @FXML
    private HBox folderRow;
    @FXML
    private TextField folderField;
    @FXML
    private Button chooseButton;
    @FXML
    private GridPane serverGrid;
    @FXML
    private TextField hostField;
    @FXML
    private TextField portField;
    @FXML
    private TextField databaseField;
    @FXML
    private TextField userField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private CheckBox tlsBox;
    @FXML
    private CheckBox automaticBox;
    @FXML
    private Label messageLabel;

    public SyncSettingsController(SyncSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ToggleGroup modes = new ToggleGroup();
        noneRadio.setUserData(SyncSettingsViewModel.Mode.NONE);
        folderRadio.setUserData(SyncSettingsViewModel.Mode.FOLDER);
        serverRadio.setUserData(SyncSettingsViewModel.Mode.SERVER);
        for (RadioButton radio : new RadioButton[] {noneRadio, folderRadio, serverRadio}) {
            radio.setToggleGroup(modes);
        }
        Runnable showMode = () -> {
            SyncSettingsViewModel.Mode mode = viewModel.modeProperty().get();
            modes.getToggles().stream().filter(toggle -> toggle.getUserData() == mode).findFirst()
                    .ifPresent(toggle -> toggle.setSelected(true));
            folderRow.setDisable(mode != SyncSettingsViewModel.Mode.FOLDER);
            serverGrid.setDisable(mode != SyncSettingsViewModel.Mode.SERVER);
        };
        viewModel.modeProperty().addListener((obs, old, mode) -> showMode.run());
        modes.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.modeProperty().set((SyncSettingsViewModel.Mode) chosen.getUserData());
            }
        });
        showMode.run();
        for (TextField field : new TextField[] {folderField, hostField, portField, databaseField, userField}) {
            field.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);  // a path, a host name: Latin, left to right
        }
        folderField.textProperty().bindBidirectional(viewModel.folderProperty());
        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        databaseField.textProperty().bindBidirectional(viewModel.databaseProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        tlsBox.selectedProperty().bindBidirectional(viewModel.tlsProperty());
        automaticBox.selectedProperty().bindBidirectional(viewModel.automaticProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.load();
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        File current = new File(folderField.getText());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File chosen = chooser.showDialog(chooseButton.getScene().getWindow());
        if (chosen != null) {
            viewModel.folderProperty().set(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void save() {
        viewModel.save(this::close);
    }

    @FXML
    private void saveAndSync() {
        viewModel.saveAndSync(this::close);
    }

    private void close() {
        if (messageLabel.getScene() != null && messageLabel.getScene().getWindow() != null) {
            messageLabel.getScene().getWindow().hide();
        }
    }
}
