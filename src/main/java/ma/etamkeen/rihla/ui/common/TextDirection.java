package ma.etamkeen.rihla.ui.common;

import javafx.geometry.NodeOrientation;
import javafx.scene.Node;

import ma.etamkeen.rihla.text.Direction;

/**
 * Direction of a piece of user or reference text, by the same rule as the brief ({@link Direction}: its first
 * strong letter), so Arabic text reads right-to-left in a French window and French text left-to-right in an
 * Arabic one.
 */
public final class TextDirection {
    private TextDirection() {
    }

    /** The orientation for {@code text}: of its first strong letter, {@code INHERIT} when it has none. */
    public static NodeOrientation of(String text) {
        return switch (Direction.ofText(text)) {
            case LEFT_TO_RIGHT -> NodeOrientation.LEFT_TO_RIGHT;
            case RIGHT_TO_LEFT -> NodeOrientation.RIGHT_TO_LEFT;
            case NEUTRAL -> NodeOrientation.INHERIT;
        };
    }

    /**
     * Marks a left-to-right value (a path, a web address, a code) placed inside a translated sentence,
     * so in Arabic its slashes and dots stay where they belong.
     */
    public static String leftToRight(String value) {
        return "\u200E" + value + "\u200E";
    }

    /**
     * {@code text} (the delegates' own words) to be placed inside a translated sentence: each line between two
     * marks of its own direction (LRM or RLM, UAX #9), so a French title keeps its closing period at its own end
     * inside an Arabic sentence, and an Arabic name inside a French one. Marks rather than embeddings: JavaFX
     * draws an embedding that starts a wrapped line as a box.
     */
    public static String inSentence(String text) {
        StringBuilder marked = new StringBuilder(text.length() + 8);
        for (String line : text.split("\n", -1)) {
            if (!marked.isEmpty()) {
                marked.append('\n');
            }
            Direction direction = Direction.of(line);
            String mark = direction == Direction.RIGHT_TO_LEFT ? "\u200F" : "\u200E";
            marked.append(direction == Direction.NEUTRAL ? line : mark + line + mark);
        }
        return marked.toString();
    }

    /** Sets {@code node}'s orientation from {@code text} and returns the node. */
    public static <N extends Node> N follow(N node, String text) {
        node.setNodeOrientation(of(text));
        return node;
    }
}
