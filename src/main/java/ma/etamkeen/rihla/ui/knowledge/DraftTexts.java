package ma.etamkeen.rihla.ui.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;

/**
 * The texts of a record being edited, one property per text column of its kind as the field model names them
 * ({@code name_ar}, {@code address} ...), in field order: what a form binds its inputs to, and what the draft
 * is read back from (blank text read as none).
 */
final class DraftTexts {
    private final Map<String, StringProperty> texts = new LinkedHashMap<>();

    /**
     * The text columns of {@code kind} but {@code edited} elsewhere (a code, a choice), filled from {@code record}
     * (null: a new record, all empty).
     */
    <R> DraftTexts(RecordKind<R> kind, R record, Set<String> editedElsewhere) {
        for (Field<R> field : kind.fields()) {
            if (field.type() == Field.Type.TEXT && !editedElsewhere.contains(field.name())) {
                Object value = record == null ? null : field.value().apply(record);
                texts.put(field.name(), new SimpleStringProperty(this, field.name(), (String) value));
            }
        }
    }

    /** The properties by column name. */
    Map<String, StringProperty> all() {
        return texts;
    }

    /** The text of column {@code column}, stripped; null when blank. */
    String text(String column) {
        return blankToNull(texts.get(column).get());
    }

    /** The columns {@code <prefix>_ar}, {@code _fr}, {@code _en} as one text in three languages. */
    Localized localized(String prefix) {
        return new Localized(text(prefix + "_ar"), text(prefix + "_fr"), text(prefix + "_en"));
    }

    /** The first of {@code columns} that holds text (for a short name or a code to follow), else "". */
    String firstOf(String... columns) {
        for (String column : columns) {
            String text = text(column);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
