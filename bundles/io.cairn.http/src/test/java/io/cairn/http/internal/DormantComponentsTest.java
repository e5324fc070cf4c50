package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class DormantComponentsTest {
    private static final String AGENT_INFO = "io.cairn.agent.api.AgentInfo";
    private static final String RAFT = "io.cairn.raft.api.RaftService";
    private static final String KV_STORE = "io.cairn.kv.api.KvStore";
    private static final String ENDPOINTS = "io.cairn.http.api.HttpEndpoints";
    private static final String SERVER = "(cairn.server=true)";

    private final List<ComponentDescriptionDTO> components = new ArrayList<>();
    private final Map<String, ComponentConfigurationDTO> configurations = new HashMap<>();
    /** The registered services, as "interface target" of what matches. */
    private final List<String> registered = new ArrayList<>();

    @Test
    void onAClientTheEndpointsOfWhatNeedsRaftAreDormant() {
        component("agent-info", List.of(AGENT_INFO), ComponentConfigurationDTO.ACTIVE);
        registered.add(AGENT_INFO + " null"); // a client's identity: it does not match (cairn.server=true)
        ComponentDescriptionDTO raft = component("raft", List.of(RAFT), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("agent", AGENT_INFO, SERVER));
        component("kv-store", List.of(KV_STORE), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("raft", RAFT, null));
        ComponentDescriptionDTO routes = component("kv-routes", List.of(ENDPOINTS),
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE, reference("store", KV_STORE, null));

        DormantComponents dormant = dormant();
        assertTrue(dormant.dormant(raft));
        assertTrue(dormant.dormant(routes));
    }

    @Test
    void onAServerWhoseRaftCoreIsStillStartingTheEndpointsAreWaitedFor() {
        component("agent-info", List.of(AGENT_INFO), ComponentConfigurationDTO.ACTIVE);
        registered.add(AGENT_INFO + " " + SERVER);
        component("raft", List.of(RAFT), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("meters", "io.micrometer.core.instrument.MeterRegistry", null));
        component("kv-store", List.of(KV_STORE), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("raft", RAFT, null));
        ComponentDescriptionDTO routes = component("kv-routes", List.of(ENDPOINTS),
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE, reference("store", KV_STORE, null));

        assertFalse(dormant().dormant(routes), "a reference no DS component provides may still come");
    }

    @Test
    void aProviderThatIsUnsatisfiedForAServiceThatMayComeIsWaitedFor() {
        component("agent-info", List.of(AGENT_INFO), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("config", "org.osgi.service.cm.ConfigurationAdmin", null));
        ComponentDescriptionDTO raft = component("raft", List.of(RAFT), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("agent", AGENT_INFO, SERVER));

        assertFalse(dormant().dormant(raft));
    }

    @Test
    void componentsWaitingOnlyForEachOtherAreDormant() {
        ComponentDescriptionDTO a = component("a", List.of("A"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                reference("b", "B", null));
        component("b", List.of("B"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE, reference("a", "A", null));

        assertTrue(dormant().dormant(a));
    }

    private DormantComponents dormant() {
        return new DormantComponents(components, c -> List.of(configurations.get(c.name)),
                (service, target) -> registered.contains(service + " " + Objects.toString(target)));
    }

    private ComponentDescriptionDTO component(String name, List<String> services, int state,
            ReferenceDTO... references) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.serviceInterfaces = services.toArray(String[]::new);
        description.references = references;
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                ? java.util.Arrays.stream(references).map(r -> {
                    UnsatisfiedReferenceDTO unsatisfied = new UnsatisfiedReferenceDTO();
                    unsatisfied.name = r.name;
                    unsatisfied.target = r.target;
                    return unsatisfied;
                }).toArray(UnsatisfiedReferenceDTO[]::new)
                : new UnsatisfiedReferenceDTO[0];
        components.add(description);
        configurations.put(name, configuration);
        return description;
    }

    private static ReferenceDTO reference(String name, String service, String target) {
        ReferenceDTO reference = new ReferenceDTO();
        reference.name = name;
        reference.interfaceName = service;
        reference.target = target;
        return reference;
    }
}
