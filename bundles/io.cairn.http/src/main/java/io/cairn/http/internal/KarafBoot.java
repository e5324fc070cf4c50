package io.cairn.http.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.cairn.http.api.HttpEndpoints;

/**
 * {@link BootReadiness.Signals} from a Karaf container and Declarative Services.
 * <p>
 * The boot bundles are started once both hold:
 * <ul>
 * <li>the framework has reached the start level Karaf's launcher raises it to: on a restart (and on a first start
 * from the distribution's provisioned cache, {@code lib/seed}) the bundles are already installed and start level
 * by level, the Raft core, this server and KV at 75, the other subsystems at 80;</li>
 * <li>Karaf's features service has registered its {@code BootFinished} service: on a first start it installs the
 * boot features' bundles, maybe after the framework reached its start level. On a restart it registers the
 * service as soon as it starts itself, at start level 15, so this signal alone says nothing about the
 * bundles.</li>
 * </ul>
 * Without Karaf's features service there are no boot features, and the start level alone counts.
 * <p>
 * The endpoint components are the DS components that provide {@link HttpEndpoints}; one waits while a reference
 * it needs is unsatisfied. Components that need a configuration that is absent, or whose activation failed, are
 * not waited for, nor are those that are {@link DormantComponents dormant} on this agent: they do not come by
 * waiting.
 */
final class KarafBoot implements BootReadiness.Signals {
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";
    private static final String ENDPOINTS = HttpEndpoints.class.getName();

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final FrameworkStartLevel framework;
    private final int startLevel;

    KarafBoot(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkStartLevel.class);
        this.startLevel = targetStartLevel(context);
    }

    @Override
    public boolean bundlesStarted() {
        return framework.getStartLevel() >= startLevel
                && (context.getServiceReference(BOOT_FINISHED) != null
                        || context.getServiceReference(FEATURES_SERVICE) == null);
    }

    @Override
    public boolean stopping() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING;
    }

    @Override
    public List<String> waitingEndpoints() {
        List<String> waiting = new ArrayList<>();
        List<ComponentDescriptionDTO> components = List.copyOf(scr.getComponentDescriptionDTOs());
        DormantComponents dormant = new DormantComponents(components,
                component -> List.copyOf(scr.getComponentConfigurationDTOs(component)), this::registered);
        for (ComponentDescriptionDTO component : components) {
            if (!Arrays.asList(component.serviceInterfaces).contains(ENDPOINTS) || dormant.dormant(component)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(component)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    waiting.add(component.name + " (needs " + Arrays.stream(configuration.unsatisfiedReferences)
                            .map(reference -> reference.name).collect(Collectors.joining(", ")) + ")");
                }
            }
        }
        return waiting;
    }

    private boolean registered(String service, String target) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences(service, target);
            return found != null && found.length > 0;
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    /**
     * Karaf's launcher starts the framework at its lock level and raises it to the beginning level of
     * {@code etc/config.properties} once it holds the instance lock; it keeps that level only in the system
     * property of the same name, where Karaf's own console reads it too. Other launchers set the framework
     * property.
     */
    private static int targetStartLevel(BundleContext context) {
        String level = System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        if (level == null) {
            level = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        }
        try {
            return level == null ? 1 : Integer.parseInt(level.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
