package io.cairn.template.lang.internal;

import io.cairn.template.lang.internal.Node.ListNode;

/**
 * One parsed template: its name, the name of the text it came from (for error locations), that whole text (to
 * turn offsets into lines and columns) and its body.
 */
public record Tree(String name, String parseName, String text, ListNode root) {

    /** Whether the body holds nothing but whitespace text, so that it must not replace an existing definition. */
    public boolean isEmpty() {
        return isEmpty(root);
    }

    private static boolean isEmpty(Node n) {
        if (n instanceof ListNode l) {
            return l.nodes().stream().allMatch(Tree::isEmpty);
        }
        if (n instanceof Node.TextNode t) {
            return t.text().isBlank();
        }
        return false;
    }

    /** "parseName:line:col" with a 0-based byte column, and the line, as Go's ErrorContext reports them. */
    int[] lineAndColumn(int pos) {
        int line = 1;
        int lastNl = -1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lastNl = i;
            }
        }
        String inLine = text.substring(lastNl + 1, Math.min(pos, text.length()));
        return new int[] {line, inLine.getBytes(java.nio.charset.StandardCharsets.UTF_8).length};
    }
}
