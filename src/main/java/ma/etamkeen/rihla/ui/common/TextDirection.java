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
     * {@code text} (the delegates' own words) to be placed inside a translated sentence: each left-to-right line
     * between two left-to-right marks (LRM, UAX #9), so a French title keeps its closing period at its own end
     * inside an Arabic sentence. Arabic lines are left as they are: JavaFX (21, on Linux) draws a right-to-left
     * mark (RLM, U+200F, and the Arabic letter mark U+061C) as a box over its neighbour, whatever the font,
     * where it draws LRM as nothing; so an Arabic name ending in a full stop inside a French sentence may show
     * that stop at its left. Marks rather than embeddings: JavaFX draws an embedding that starts a wrapped line
     * as a box.
     */
    public static String inSentence(String text) {
        StringBuilder marked = new StringBuilder(text.length() + 8);
        for (String line : text.split("\n", -1)) {
            if (!marked.isEmpty()) {
                marked.append('\n');
            }
            marked.append(Direction.of(line) == Direction.LEFT_TO_RIGHT ? "\u200E" + line + "\u200E" : line);
        }
        return marked.toString();
    }

    /** Sets {@code node}'s orientation from {@code text} and returns the node. */
    public static <N extends Node> N follow(N node, String text) {
        node.setNodeOrientation(of(text));
        return node;
    }
}
