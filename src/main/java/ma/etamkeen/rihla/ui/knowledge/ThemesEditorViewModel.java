package ma.etamkeen.rihla.ui.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.KnowledgeBase;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The themes as they are being edited: labels in three languages renamed, themes hidden or shown again, new
 * ones added (a new theme's code follows its French label, else its English one, until typed; codes of existing
 * themes never change). Save stores every change at once.
 */
public final class ThemesEditorViewModel {

    /** A theme as it is being edited; {@code original} is null for one added here. */
    public static final class ThemeDraft {
        private final Theme original;
        private final Map<String, StringProperty> texts = new LinkedHashMap<>();
        private final BooleanProperty hidden = new SimpleBooleanProperty(this, "hidden");
        private boolean codeTyped;

        ThemeDraft(Theme original) {
            this.original = original;
            Localized label = original == null ? Localized.EMPTY : original.label();
            texts.put("code", new SimpleStringProperty(original == null ? "" : original.code()));
            texts.put("label_ar", new SimpleStringProperty(label.ar()));
            texts.put("label_fr", new SimpleStringProperty(label.fr()));
            texts.put("label_en", new SimpleStringProperty(label.en()));
            hidden.set(original != null && original.hidden());
            if (original == null) {
                texts.get("label_fr").addListener((obs, old, now) -> suggestCode());
                texts.get("label_en").addListener((obs, old, now) -> suggestCode());
            }
        }

        /** Its texts by column name: {@code code}, {@code label_ar}, {@code label_fr}, {@code label_en}. */
        public Map<String, StringProperty> texts() {
            return texts;
        }

        /** Hidden: no longer offered for new entries and sites; what it marks keeps it. */
        public BooleanProperty hiddenProperty() {
            return hidden;
        }

        /** Whether the theme is added here (its code may still be typed). */
        public boolean isNew() {
            return original == null;
        }

        /** The user typed a code of their own. */
        public void codeTyped() {
            codeTyped = true;
        }

        private void suggestCode() {
            if (!codeTyped) {
                String label = texts.get("label_fr").get();
                texts.get("code").set(KnowledgeBase.slugOf(label == null || label.isBlank() ? texts.get("label_en").get()
                        : label));
            }
        }

        Theme toTheme() {
            return new Theme(original == null ? null : original.id(), texts.get("code").get().strip(),
                    new Localized(texts.get("label_ar").get(), texts.get("label_fr").get(), texts.get("label_en").get()),
                    original == null ? 0 : original.position(), hidden.get());
        }

        boolean changed() {
            Theme now = toTheme();
            return original == null ? !now.label().isEmpty() || !now.code().isEmpty()
                    : RecordKind.THEME.differs(now, original);
        }
    }

    private final WindowContext context;
    private final ObservableList<ThemeDraft> themes = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /** The themes of {@code context} as they are now, every one of them. */
    public ThemesEditorViewModel(WindowContext context) {
        this.context = context;
        context.themes().forEach(theme -> themes.add(new ThemeDraft(theme)));
    }

    /** Every theme, hidden ones included, in their order; new ones last. */
    public ObservableList<ThemeDraft> themes() {
        return themes;
    }

    /** Adds an empty theme at the end; returns it. */
    public ThemeDraft add() {
        ThemeDraft theme = new ThemeDraft(null);
        themes.add(theme);
        return theme;
    }

    /** While saving: the form waits. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The themes that saving would store: the new ones and those changed. */
    public List<Theme> changed() {
        List<Theme> changed = new ArrayList<>();
        themes.stream().filter(ThemeDraft::changed).map(ThemeDraft::toTheme).forEach(changed::add);
        return changed;
    }

    /** Whether saving would change anything. */
    public boolean isDirty() {
        return !changed().isEmpty();
    }

    /** Saves every change at once; {@code refused} gets the reason (a label missing, a code taken ...). */
    public void save(Consumer<String> refused, Runnable saved) {
        List<Theme> changed = changed();
        if (changed.isEmpty()) {
            saved.run();
            return;
        }
        busy.set(true);
        context.background().write(workspace -> workspace.knowledge().saveThemes(changed), stored -> {
            busy.set(false);
            context.saveStatus().info(context.language().messages().format("theme.saved", stored.size()));
            context.knowledgeChanged();
            saved.run();
        }, failure -> {
            busy.set(false);
            refused.accept(context.describe(failure));
        });
    }
}
