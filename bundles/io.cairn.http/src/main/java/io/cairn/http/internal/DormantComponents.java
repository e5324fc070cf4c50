package io.cairn.http.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Tells which unsatisfied components will stay unsatisfied on this agent, so boot readiness does not wait for
 * them: on a client agent, the Raft core refuses to start ({@code (cairn.server=true)} does not match the agent's
 * identity), so the KV store, the sessions and the replicated catalog never come, and neither do their endpoints
 * (the forwarding fallback answers for them).
 * <p>
 * A component is dormant when every configuration of it lacks a reference that cannot be satisfied: one for
 * which no registered service matches, and whose every possible provider among the DS components is either
 * already registered (without matching) or dormant itself. A reference that no DS component could provide may
 * still be met by some other service, so it is waited for.
 */
final class DormantComponents {
    private final List<ComponentDescriptionDTO> components;
    private final Function<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> configurations;
    private final BiPredicate<String, String> registered;
    private final Map<String, Boolean> verdicts = new HashMap<>();
    private final Set<String> deciding = new HashSet<>();

    /**
     * @param components     every component description of the runtime
     * @param configurations a component's configurations
     * @param registered     whether a service of an interface matching a target filter ({@code null} for none)
     *                       is registered now
     */
    DormantComponents(List<ComponentDescriptionDTO> components,
            Function<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> configurations,
            BiPredicate<String, String> registered) {
        this.components = components;
        this.configurations = configurations;
        this.registered = registered;
    }

    /** Whether {@code component} will not become satisfied by waiting. */
    boolean dormant(ComponentDescriptionDTO component) {
        Boolean known = verdicts.get(component.name);
        if (known != null) {
            return known;
        }
        if (!deciding.add(component.name)) {
            return true; // a cycle of unsatisfied components that only wait for each other
        }
        List<ComponentConfigurationDTO> configs = configurations.apply(component);
        boolean dormant = !configs.isEmpty() && configs.stream().allMatch(config ->
                config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        && Arrays.stream(config.unsatisfiedReferences)
                                .anyMatch(reference -> unsatisfiable(component, reference)));
        deciding.remove(component.name);
        verdicts.put(component.name, dormant);
        return dormant;
    }

    private boolean unsatisfiable(ComponentDescriptionDTO component, UnsatisfiedReferenceDTO unsatisfied) {
        Optional<ReferenceDTO> reference = Arrays.stream(component.references)
                .filter(r -> r.name.equals(unsatisfied.name)).findFirst();
        if (reference.isEmpty()) {
            return false;
        }
        String service = reference.get().interfaceName;
        if (registered.test(service, unsatisfied.target)) {
            return false;
        }
        List<ComponentDescriptionDTO> providers = components.stream()
                .filter(c -> Arrays.asList(c.serviceInterfaces).contains(service)).toList();
        return !providers.isEmpty() && providers.stream().allMatch(provider -> registeredAlready(provider)
                || dormant(provider));
    }

    /** A provider whose service is up: it did not match, and waiting will not change that. */
    private boolean registeredAlready(ComponentDescriptionDTO provider) {
        List<ComponentConfigurationDTO> configs = configurations.apply(provider);
        return !configs.isEmpty() && configs.stream()
                .allMatch(config -> config.state == ComponentConfigurationDTO.ACTIVE
                        || config.state == ComponentConfigurationDTO.SATISFIED);
    }
}
