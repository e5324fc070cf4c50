package io.cairn.template.lang.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt.Sprint, Sprintln and Sprintf over the Java value model: verbs, flags, width, precision, argument
 * indexes and the {@code %!verb(type=value)} error forms.
 */
final class GoFmt {

    /** The value formatter and its flags (Go's pp.fmt). */
    private final FmtWriter f = new FmtWriter();

    private GoFmt() {
    }

    static String sprint(List<Object> args) {
        GoFmt p = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof CharSequence || arg instanceof Character;
            if (i > 0 && !isString && !prevString) {
                p.f.buf.append(' ');
            }
            p.printArg(arg, 'v');
            prevString = isString;
        }
        return p.f.buf.toString();
    }

    static String sprintln(List<Object> args) {
        GoFmt p = new GoFmt();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.f.buf.append(' ');
            }
            p.printArg(args.get(i), 'v');
        }
        return p.f.buf.append('\n').toString();
    }

    // ---- Sprintf ----

    static String sprintf(String format, List<Object> a) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, a);
        return p.f.buf.toString();
    }

    private int argNum;
    private boolean reordered;
    private boolean goodArgNum;

    /** Parses an optional [n] argument index at i; returns the new i and sets argNum. */
    private int argNumber(String format, int i, int numArgs, boolean[] afterIndex) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return i;
        }
        reordered = true;
        for (int j = i + 1; j < format.length(); j++) {
            if (format.charAt(j) == ']') {
                int index = -1;
                String digits = format.substring(i + 1, j);
                if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 7) {
                    index = Integer.parseInt(digits) - 1;
                }
                if (index >= 0 && index < numArgs) {
                    argNum = index;
                    afterIndex[0] = true;
                } else {
                    goodArgNum = false;
                }
                return j + 1;
            }
        }
        goodArgNum = false;
        return format.length();
    }

    /** Reads an int argument for '*' widths; null if the argument is missing or not an int. */
    private Integer intFromArg(List<Object> a) {
        if (argNum >= a.size()) {
            return null;
        }
        Object v = a.get(argNum++);
        if (!Values.isInt(v)) {
            return null;
        }
        BigInteger n = Values.bigInt(v);
        if (n.abs().compareTo(BigInteger.valueOf(1_000_000)) > 0) {
            return null;
        }
        return n.intValue();
    }

    private void doPrintf(String format, List<Object> a) {
        int end = format.length();
        argNum = 0;
        boolean[] afterIndex = {false};
        reordered = false;
        int i = 0;
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                f.buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            f.clearFlags();
            flags:
            for (; i < end; i++) {
                switch (format.charAt(i)) {
                    case '#' -> f.sharp = true;
                    case '0' -> f.zero = !f.minus;
                    case '+' -> f.plus = true;
                    case '-' -> {
                        f.minus = true;
                        f.zero = false;
                    }
                    case ' ' -> f.space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            afterIndex[0] = false;
            i = argNumber(format, i, a.size(), afterIndex);
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intFromArg(a);
                f.widPresent = w != null;
                if (w == null) {
                    f.buf.append("%!(BADWIDTH)");
                } else {
                    f.wid = w;
                    if (f.wid < 0) {
                        f.minus = true;
                        f.zero = false;
                        f.wid = -f.wid;
                    }
                }
                afterIndex[0] = false;
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i)) && i - start < 7) {
                    i++;
                }
                if (i > start) {
                    f.wid = Integer.parseInt(format.substring(start, i));
                    f.widPresent = true;
                    if (afterIndex[0]) {
                        goodArgNum = false;
                    }
                }
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex[0]) {
                    goodArgNum = false;
                }
                afterIndex[0] = false;
                i = argNumber(format, i, a.size(), afterIndex);
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer pr = intFromArg(a);
                    f.precPresent = pr != null && pr >= 0;
                    f.prec = f.precPresent ? pr : 0;
                    if (!f.precPresent) {
                        f.buf.append("%!(BADPREC)");
                    }
                    afterIndex[0] = false;
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i)) && i - start < 7) {
                        i++;
                    }
                    f.prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                    f.precPresent = true;
                }
            }
            if (!afterIndex[0]) {
                i = argNumber(format, i, a.size(), afterIndex);
            }
            if (i >= end) {
                f.buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                f.buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.size()) {
                f.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    if (f.sharp) {
                        f.sharp = false;
                        f.sharpV = true;
                    }
                    if (f.plus) {
                        f.plus = false;
                        f.plusV = true;
                    }
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.size()) {
            f.clearFlags();
            f.buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    f.buf.append(", ");
                }
                Object arg = a.get(k);
                if (arg == null) {
                    f.buf.append("<nil>");
                } else {
                    f.buf.append(Values.typeName(arg)).append('=');
                    printArg(arg, 'v');
                }
            }
            f.buf.append(')');
        }
    }

    private void badArgNum(int verb) {
        f.buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    // ---- values ----

    private void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                f.padString("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            f.fmtS(Values.typeName(arg));
            return;
        }
        printValue(arg, verb, 0);
    }

    private void printValue(Object arg, int verb, int depth) {
        if (arg == null) {
            if (depth > 0) {
                f.buf.append("<nil>");
            } else {
                printArg(null, verb);
            }
            return;
        }
        switch (Values.kind(arg)) {
            case BOOL -> fmtBool((Boolean) arg, verb, arg);
            case INT -> {
                if ((verb == 'v' || verb == 'd') && !(arg instanceof BigInteger) && plainFlags()) {
                    f.buf.append(((Number) arg).longValue()); // the common case, without BigInteger
                } else {
                    fmtInteger(Values.bigInt(arg), verb, arg);
                }
            }
            case FLOAT -> fmtFloat(arg, verb);
            case STRING -> fmtString(Values.str(arg), verb, arg);
            case LIST -> printList(arg, verb, depth);
            case MAP -> printMap((Map<?, ?>) arg, verb, depth);
            case FUNC -> {
                if (verb == 'v') {
                    f.padString(f.sharpV ? "(" + Values.typeName(arg) + ")(nil)" : "0x1");
                } else {
                    badVerb(verb, arg);
                }
            }
            default -> printOther(arg, verb, depth);
        }
    }

    private boolean plainFlags() {
        return !f.widPresent && !f.precPresent && !f.plus && !f.space && !f.sharp && !f.sharpV;
    }

    private void printList(Object arg, int verb, int depth) {
        if (arg instanceof byte[] bytes && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
            fmtString(new String(bytes, StandardCharsets.UTF_8), verb, arg);
            return;
        }
        List<Object> list = Values.asList(arg);
        if (f.sharpV) {
            f.buf.append(Values.typeName(arg)).append('{');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    f.buf.append(", ");
                }
                printValue(list.get(i), verb, depth + 1);
            }
            f.buf.append('}');
            return;
        }
        f.buf.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                f.buf.append(' ');
            }
            printValue(list.get(i), verb, depth + 1);
        }
        f.buf.append(']');
    }

    private void printMap(Map<?, ?> m, int verb, int depth) {
        f.buf.append(f.sharpV ? Values.typeName(m) + "{" : "map[");
        boolean first = true;
        for (Object k : Values.sortedKeys(m)) {
            if (!first) {
                f.buf.append(f.sharpV ? ", " : " ");
            }
            first = false;
            printValue(k, verb, depth + 1);
            f.buf.append(':');
            printValue(m.get(k), verb, depth + 1);
        }
        f.buf.append(f.sharpV ? '}' : ']');
    }

    private void printOther(Object arg, int verb, int depth) {
        RecordComponent[] components = Values.recordComponents(arg);
        if (components != null) {
            if (f.sharpV) {
                f.buf.append(arg.getClass().getSimpleName());
            }
            f.buf.append('{');
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    f.buf.append(f.sharpV ? ", " : " ");
                }
                if (f.plusV || f.sharpV) {
                    f.buf.append(components[i].getName()).append(':');
                }
                printValue(Values.componentValue(arg, components[i]), verb, depth + 1);
            }
            f.buf.append('}');
            return;
        }
        // Other objects play Go's Stringer: their toString() is used for the string verbs.
        if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
            fmtString(arg.toString(), verb == 'v' && f.sharpV ? 's' : verb, arg);
        } else {
            badVerb(verb, arg);
        }
    }

    private void badVerb(int verb, Object arg) {
        f.buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            f.buf.append(Values.typeName(arg)).append('=');
            boolean sv = f.sharpV;
            f.sharpV = false;
            printValue(arg, 'v', 0);
            f.sharpV = sv;
        } else {
            f.buf.append("<nil>");
        }
        f.buf.append(')');
    }

    // ---- padding ----

    // ---- per-kind formatting ----

    private void fmtBool(boolean v, int verb, Object arg) {
        if (verb == 't' || verb == 'v') {
            f.padString(v ? "true" : "false");
        } else {
            badVerb(verb, arg);
        }
    }

    private void fmtInteger(BigInteger v, int verb, Object arg) {
        switch (verb) {
            case 'v', 'd' -> f.fmtInt(v, 10, verb, false);
            case 'b' -> f.fmtInt(v, 2, verb, false);
            case 'o', 'O' -> f.fmtInt(v, 8, verb, false);
            case 'x' -> f.fmtInt(v, 16, verb, false);
            case 'X' -> f.fmtInt(v, 16, verb, true);
            case 'c' -> f.fmtC(v);
            case 'q' -> f.fmtQc(v);
            case 'U' -> f.fmtUnicode(v);
            default -> badVerb(verb, arg);
        }
    }

    private void fmtFloat(Object arg, int verb) {
        double v = Values.toDouble(arg);
        boolean f32 = arg instanceof Float;
        switch (verb) {
            case 'v' -> f.fmtFloat(v, 'g', -1, f32);
            case 'g', 'G', 'b', 'x', 'X' -> f.fmtFloat(v, (char) verb, -1, f32);
            case 'e', 'E', 'f' -> f.fmtFloat(v, (char) verb, 6, f32);
            case 'F' -> f.fmtFloat(v, 'f', 6, f32);
            default -> badVerb(verb, arg);
        }
    }

    private void fmtString(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (f.sharpV) {
                    f.fmtQ(s);
                } else {
                    f.fmtS(s);
                }
            }
            case 's' -> f.fmtS(s);
            case 'x' -> f.fmtSx(s, false);
            case 'X' -> f.fmtSx(s, true);
            case 'q' -> f.fmtQ(s);
            default -> badVerb(verb, arg);
        }
    }

}
