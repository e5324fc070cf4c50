package io.cairn.watch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScriptHandlerTest {

    @Test
    void handlerGetsTheDataOnStdinAndTheIndexInItsEnvironment() throws Exception {
        List<String> lines = new ArrayList<>();
        new ScriptHandler(ScriptHandler.shell("echo \"index=$CONSUL_INDEX\"; cat"), lines::add)
                .handle(42, new ObjectMapper().readTree("{\"Key\":\"foo\"}"));
        assertEquals(List.of("index=42", "{\"Key\":\"foo\"}"), lines);
    }

    @Test
    void aFailingHandlerIsReported() {
        ScriptHandler failing = new ScriptHandler(ScriptHandler.shell("exit 3"), line -> { });
        assertEquals(true, assertThrows(IOException.class,
                () -> failing.handle(1, new ObjectMapper().nullNode())).getMessage().endsWith("exited with 3"));
    }
}
