package io.cairn.template.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lexer and parser errors: Go's message ("template: NAME:LINE: ...") plus the line and the 0-based byte column
 * of the token the parser stopped at, which Go does not print but editors can use.
 */
class ParseErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '@', quoteCharacter = '~', textBlock = """
            # text (\\n = newline)           @ message                                     @ line @ col
            {{.X                               @ unclosed action                             @ 1 @ 4
            a\\n\\n  {{.X | 3}}                @ non executable command in pipeline stage 2  @ 3 @ 10
            x\\n{{nope}}                       @ function "nope" not defined                 @ 2 @ 2
            {{"abc\\n"}}                       @ unterminated quoted string                  @ 1 @ 2
            {{if .X}}\\n{{else}}\\n{{else}}    @ expected end; found {{else}}                @ 3 @ 6
            {{if\\n.X\\n.Y . 1 )}}             @ unexpected right paren in action started at t:1 @ 3 @ 7
            {{.X\\n\\n                         @ unclosed action started at t:1              @ 3 @ 0
            {{range .}}\\n{{break 1}}{{end}}   @ unexpected "1" in {{break}}                 @ 2 @ 8
            ab{{/* x */ y}}                    @ comment ends before closing delimiter       @ 1 @ 4
            {{define "a"}}\\n{{end}}{{end}}    @ unexpected {{end}}                          @ 2 @ 12
            {{$x := 1}}\\n  {{$y}}             @ undefined variable "$y"                     @ 2 @ 4
            {{with $a, $b := .}}{{end}}        @ too many declarations in with               @ 1 @ 9
            {{range $a, 3 := .}}{{end}}        @ range can only initialize variables         @ 1 @ 12
            {{template 1}}                     @ unexpected "1" in template clause           @ 1 @ 11
            {{define "a" 1}}{{end}}            @ unexpected "1" in define clause             @ 1 @ 13
            {{.X.}}                            @ unexpected <.> in operand                   @ 1 @ 4
            {{print (1}}                       @ unclosed left paren                         @ 1 @ 10
            {{'\\q'}}                          @ invalid syntax                              @ 1 @ 2
            {{'ab'}}                           @ malformed character constant: 'ab'          @ 1 @ 2
            """)
    void reportsMessageLineAndColumn(String text, String message, int line, int col) {
        String source = text.replace("\\n", "\n");
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("t", source, Map.of()));
        assertEquals("template: t:" + line + ": " + message, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(col, e.column());
        assertEquals("t", e.templateName());
    }
}
