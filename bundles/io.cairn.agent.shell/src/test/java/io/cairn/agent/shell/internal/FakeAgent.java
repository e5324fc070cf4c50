package io.cairn.agent.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.ServiceDefinition;

/** An agent over plain collections that refuses unknown service IDs with the agent's text. */
final class FakeAgent implements Agent {
    final List<Member> members = new ArrayList<>();
    final Map<String, ServiceDefinition> services = new TreeMap<>();
    final Map<String, String> maintenance = new TreeMap<>();
    List<String> reloadProblems = List.of();
    int reloads;

    FakeAgent() {
        members.add(new Member("node-1", "10.0.0.1", 8301, MemberStatus.ALIVE,
                Map.of("role", "consul", "dc", "dc1", "port", "8300", "build", "1.21.4:cairn", "vsn", "2")));
    }

    @Override
    public Member self() {
        return members.get(0);
    }

    @Override
    public List<Member> members() {
        return List.copyOf(members);
    }

    @Override
    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    @Override
    public void registerService(ServiceDefinition service, boolean replaceExistingChecks) {
        if (service.name().isEmpty()) {
            throw new IllegalArgumentException("Missing service name");
        }
        services.put(service.id(), service);
    }

    @Override
    public void deregisterService(String serviceId) {
        require(serviceId);
        services.remove(serviceId);
    }

    @Override
    public List<String> reload() {
        reloads++;
        return reloadProblems;
    }

    @Override
    public void nodeMaintenance(boolean enable, String reason) {
        maintain("", enable, reason);
    }

    @Override
    public void serviceMaintenance(String serviceId, boolean enable, String reason) {
        require(serviceId);
        maintain(serviceId, enable, reason);
    }

    @Override
    public List<Maintenance> maintenance() {
        return maintenance.entrySet().stream().map(e -> new Maintenance(e.getKey(), e.getValue())).toList();
    }

    private void maintain(String key, boolean enable, String reason) {
        if (enable) {
            maintenance.putIfAbsent(key, reason.isEmpty() ? "default reason" : reason);
        } else {
            maintenance.remove(key);
        }
    }

    private void require(String serviceId) {
        if (!services.containsKey(serviceId)) {
            throw new IllegalArgumentException("Unknown service ID \"" + serviceId
                    + "\". Ensure that the service ID is passed, not the service name.");
        }
    }
}
