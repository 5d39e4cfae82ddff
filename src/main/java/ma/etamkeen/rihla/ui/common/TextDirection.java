package ma.etamkeen.rihla.ui.common;

import javafx.geometry.NodeOrientation;
import javafx.scene.Node;

/**
 * Direction of a piece of user or reference text, from its first strong character, so Arabic text reads
 * right-to-left in a French window and French text left-to-right in an Arabic one.
 */
public final class TextDirection {
    private TextDirection() {
    }

    public static NodeOrientation of(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                switch (Character.getDirectionality(codePoint)) {
                    case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                        return NodeOrientation.RIGHT_TO_LEFT;
                    case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                        return NodeOrientation.LEFT_TO_RIGHT;
                    default:
                        break;
                }
                i += Character.charCount(codePoint);
            }
        }
        return NodeOrientation.INHERIT;
    }

    /**
     * Marks a left-to-right value (a path, a web address, a code) placed inside a translated sentence,
     * so in Arabic its slashes and dots stay where they belong.
     */
    public static String leftToRight(String value) {
        return "\u200E" + value + "\u200E";
    }

    /** Sets {@code node}'s orientation from {@code text} and returns the node. */
    public static <N extends Node> N follow(N node, String text) {
        node.setNodeOrientation(of(text));
        return node;
    }
}
