package io.cairn.template.internal.functions;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Formats a time with a Go layout, which spells each field as it would appear for Go's reference time
 * {@code Mon Jan 2 15:04:05 MST 2006}, e.g. {@code 2006-01-02T15:04:05Z07:00}. Text that is not a layout
 * element is copied.
 */
final class GoTimeFormat {

    /** RFC 3339 in Go's spelling, {@code timestamp}'s default. */
    static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

    private GoTimeFormat() {
    }

    static String format(String layout, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            int used = element(layout, i, t, out);
            if (used == 0) {
                out.append(layout.charAt(i));
                i++;
            } else {
                i += used;
            }
        }
        return out.toString();
    }

    /** Appends the element starting at {@code i}, if any, and returns its length (0 if there is none). */
    private static int element(String l, int i, ZonedDateTime t, StringBuilder out) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        switch (l.charAt(i)) {
            case 'J':
                if (l.startsWith("January", i)) {
                    out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                    return 7;
                }
                if (l.startsWith("Jan", i)) {
                    out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                    return 3;
                }
                return 0;
            case 'M':
                if (l.startsWith("Monday", i)) {
                    out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                    return 6;
                }
                if (l.startsWith("Mon", i)) {
                    out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                    return 3;
                }
                if (l.startsWith("MST", i)) {
                    out.append(zoneName(t));
                    return 3;
                }
                return 0;
            case '0':
                if (l.startsWith("002", i)) {
                    out.append(pad(t.getDayOfYear(), 3, '0'));
                    return 3;
                }
                if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                    int v = switch (l.charAt(i + 1)) {
                        case '1' -> t.getMonthValue();
                        case '2' -> t.getDayOfMonth();
                        case '3' -> hour12;
                        case '4' -> t.getMinute();
                        case '5' -> t.getSecond();
                        default -> t.getYear() % 100;
                    };
                    out.append(pad(v, 2, '0'));
                    return 2;
                }
                return 0;
            case '1':
                if (l.startsWith("15", i)) {
                    out.append(pad(t.getHour(), 2, '0'));
                    return 2;
                }
                out.append(t.getMonthValue());
                return 1;
            case '2':
                if (l.startsWith("2006", i)) {
                    out.append(pad(t.getYear(), 4, '0'));
                    return 4;
                }
                out.append(t.getDayOfMonth());
                return 1;
            case '_':
                if (l.startsWith("_2006", i)) {
                    out.append('_').append(pad(t.getYear(), 4, '0'));
                    return 5;
                }
                if (l.startsWith("__2", i)) {
                    out.append(pad(t.getDayOfYear(), 3, ' '));
                    return 3;
                }
                if (l.startsWith("_2", i)) {
                    out.append(pad(t.getDayOfMonth(), 2, ' '));
                    return 2;
                }
                return 0;
            case '3':
                out.append(hour12);
                return 1;
            case '4':
                out.append(t.getMinute());
                return 1;
            case '5':
                out.append(t.getSecond());
                return 1;
            case 'P':
                if (l.startsWith("PM", i)) {
                    out.append(t.getHour() >= 12 ? "PM" : "AM");
                    return 2;
                }
                return 0;
            case 'p':
                if (l.startsWith("pm", i)) {
                    out.append(t.getHour() >= 12 ? "pm" : "am");
                    return 2;
                }
                return 0;
            case '-':
            case 'Z':
                return zone(l, i, t, out);
            case '.':
            case ',':
                return fraction(l, i, t, out);
            default:
                return 0;
        }
    }

    private static int zone(String l, int i, ZonedDateTime t, StringBuilder out) {
        boolean iso = l.charAt(i) == 'Z';
        String rest = l.substring(i + 1);
        String[] forms = {"070000", "07:00:00", "0700", "07:00", "07"};
        for (String form : forms) {
            if (rest.startsWith(form)) {
                int offset = t.getOffset().getTotalSeconds();
                if (iso && offset == 0) {
                    out.append('Z');
                    return form.length() + 1;
                }
                int abs = Math.abs(offset);
                out.append(offset < 0 ? '-' : '+').append(pad(abs / 3600, 2, '0'));
                boolean colon = form.contains(":");
                if (form.length() > 2) {
                    out.append(colon ? ":" : "").append(pad(abs / 60 % 60, 2, '0'));
                }
                if (form.length() == 6 || form.length() == 8) {
                    out.append(colon ? ":" : "").append(pad(abs % 60, 2, '0'));
                }
                return form.length() + 1;
            }
        }
        return 0;
    }

    /** {@code .000} prints that many digits of the second; {@code .999} the same without trailing zeros. */
    private static int fraction(String l, int i, ZonedDateTime t, StringBuilder out) {
        if (i + 1 >= l.length() || l.charAt(i + 1) != '0' && l.charAt(i + 1) != '9') {
            return 0;
        }
        char digit = l.charAt(i + 1);
        int j = i + 1;
        while (j < l.length() && l.charAt(j) == digit) {
            j++;
        }
        if (j < l.length() && Character.isDigit(l.charAt(j))) {
            return 0;
        }
        int n = Math.min(j - i - 1, 9);
        String digits = pad(t.getNano(), 9, '0').substring(0, n);
        if (digit == '9') {
            digits = digits.replaceFirst("0+$", "");
            if (!digits.isEmpty()) {
                out.append(l.charAt(i)).append(digits);
            }
        } else {
            out.append(l.charAt(i)).append(digits);
        }
        return j - i;
    }

    private static String zoneName(ZonedDateTime t) {
        if (t.getOffset().getTotalSeconds() == 0 && t.getZone().normalized().getId().equals("Z")) {
            return "UTC";
        }
        String name = t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return name.matches("[A-Z]{3,5}") ? name : format("-0700", t);
    }

    private static String pad(long v, int width, char with) {
        String s = Long.toString(v);
        return s.length() >= width ? s : String.valueOf(with).repeat(width - s.length()) + s;
    }
}
