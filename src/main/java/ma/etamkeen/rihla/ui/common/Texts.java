package ma.etamkeen.rihla.ui.common;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Small text helpers for lists and pickers. */
public final class Texts {
    private Texts() {
    }

    /** The first line of a text, shortened to a list row, or {@code otherwise} when blank. */
    public static String firstLine(String text, String otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
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
