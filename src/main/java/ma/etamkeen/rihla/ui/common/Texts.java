package ma.etamkeen.rihla.ui.common;

import java.util.function.Function;

import javafx.util.StringConverter;

import ma.etamkeen.rihla.text.Graphemes;

/** Small text helpers for lists and pickers. */
public final class Texts {
    private Texts() {
    }

    /** The first line of a text, shortened to a list row, or {@code otherwise} when blank. */
    public static String firstLine(String text, String otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        return Graphemes.firstLine(text, 80);
    }

    /** A one-way converter for choice boxes and combo boxes that only display. */
    public static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
