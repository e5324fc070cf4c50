package io.cairn.hcl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus ({@code corpus.txt}): HCL 1 inputs from hashicorp/hcl v1's test fixtures (parser, decoder and scanner
 * tests) and from Consul's documentation (agent configuration and ACL rules), plus edge cases, each with what
 * hcl v1.0.0's {@code hcl.Decode} into a {@code map[string]interface{}} gives: the tree or the error text.
 */
class HclCorpusTest {
    static List<Corpus> cases() throws IOException {
        return Corpus.load();
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(cases().size() >= 80, "corpus cases: " + cases().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsHclV1Does(Corpus c) throws Exception {
        if (c.expected().startsWith("error: ")) {
            HclException e = assertThrows(HclException.class, () -> Hcl.parse(c.input()));
            assertEquals(c.expected().substring("error: ".length()), e.getMessage());
            return;
        }
        Map<String, Object> tree = Hcl.parse(c.input());
        assertEquals(Corpus.canonicalJson(c.expected()), Corpus.canonical(tree));
        if (c.blocks() != null) {
            assertEquals(Corpus.canonicalJson(c.blocks()), Corpus.canonical(Hcl.flattenBlocks(tree)));
        }
    }
}
