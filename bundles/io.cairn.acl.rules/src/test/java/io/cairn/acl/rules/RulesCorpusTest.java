package io.cairn.acl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ServiceIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules of a token's policies, a default policy and one authorizer question, with Consul's answer or the error
 * text Consul refuses the rules with ({@code corpus.txt}).
 */
class RulesCorpusTest {

    private static PolicyRules policy(String source) throws RulesException {
        if (source.equals("@global-management")) {
            return BuiltinRules.globalManagement();
        }
        if (source.startsWith("@service:")) {
            return BuiltinRules.serviceIdentity(new ServiceIdentity(source.substring(9), List.of()));
        }
        if (source.startsWith("@node:")) {
            return BuiltinRules.nodeIdentity(new NodeIdentity(source.substring(6), "dc1"));
        }
        return PolicyRules.parse(source, RulesSyntax.JSON);
    }

    private static String ask(Authorizer authorizer, String check) throws ReflectiveOperationException {
        int space = check.indexOf(' ');
        if (space < 0) {
            Method method = Authorizer.class.getMethod(check);
            return (boolean) method.invoke(authorizer) ? "allow" : "deny";
        }
        String argument = check.substring(space + 1);
        if (argument.equals("\"\"")) {
            argument = "";
        }
        Method method = Authorizer.class.getMethod(check.substring(0, space), String.class);
        return (boolean) method.invoke(authorizer, argument) ? "allow" : "deny";
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("corpus.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" \\| ", 4);
            String policies = fields[0].trim();
            String defaultPolicy = fields[1].trim();
            String check = fields[2].trim();
            String want = fields[3].trim();
            tests.add(DynamicTest.dynamicTest(policies + " | " + defaultPolicy + " | " + check, () -> {
                String got;
                try {
                    List<PolicyRules> rules = new ArrayList<>();
                    for (String source : policies.split(" ;; ")) {
                        rules.add(policy(source.trim()));
                    }
                    got = check.equals("parse") ? "ok"
                            : ask(Authorizers.forRules(rules, DefaultPolicy.of(defaultPolicy)), check);
                } catch (RulesException e) {
                    got = "!" + e.getMessage();
                }
                assertEquals(want, got);
            }));
        }
        assertTrue(tests.size() >= 120, "corpus size " + tests.size());
        return tests.stream();
    }
}
