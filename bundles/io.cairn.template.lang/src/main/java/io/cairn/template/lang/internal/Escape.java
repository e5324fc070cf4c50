package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * The html and js built-ins: escaping as text/template's HTMLEscapeString and JSEscapeString; urlquery's
 * QueryEscape is {@link io.cairn.go.lang.GoUrl#queryEscape}.
 */
final class Escape {
    private Escape() {
    }

    /** The string the escapers work on: a lone string as is, otherwise fmt.Sprint with nil shown as "<no value>". */
    static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof CharSequence s) {
            return s.toString();
        }
        List<Object> printable = new ArrayList<>(args.size());
        for (Object a : args) {
            printable.add(a == null ? "<no value>" : a);
        }
        return GoFmt.sprint(printable);
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case 0 -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String js(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        b.append(String.format("\\u00%02X", r));
                    } else if (r < 0x80 || GoQuote.isPrint(r)) {
                        b.appendCodePoint(r);
                    } else {
                        b.append(String.format("\\u%04X", r));
                    }
                }
            }
        }
        return b.toString();
    }
}
