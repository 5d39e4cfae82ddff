package ma.etamkeen.rihla.ui.exchange;

import javafx.stage.FileChooser;

import ma.etamkeen.rihla.ui.common.UiLanguage;

/** The file chooser for .rihla packages, titled in the user's language. */
public final class PackageFiles {
    private PackageFiles() {
    }

    public static FileChooser chooser(UiLanguage language, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(language.messages().get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                language.messages().get("exchange.file-type"), "*.rihla"));
        return chooser;
    }
}
