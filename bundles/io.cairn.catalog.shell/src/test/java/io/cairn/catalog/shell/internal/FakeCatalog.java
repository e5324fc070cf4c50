package io.cairn.catalog.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.raft.api.Consistency;

/** A catalog over fixed nodes and instances that records the consistency and filters it was asked with. */
final class FakeCatalog extends CatalogStub {
    final Map<String, Node> nodes = new TreeMap<>();
    final Map<String, List<NodeService>> instances = new TreeMap<>();
    Consistency lastConsistency;
    Map<String, String> lastNodeMeta;
    RuntimeException failure;

    void add(Node node, NodeService... services) {
        nodes.put(node.node(), node);
        instances.put(node.node(), List.of(services));
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        record(nodeMeta, consistency);
        return answer(matching(nodeMeta));
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        record(nodeMeta, consistency);
        Map<String, List<String>> result = new TreeMap<>();
        for (Node node : matching(nodeMeta)) {
            for (NodeService s : instances.get(node.node())) {
                TreeSet<String> tags = new TreeSet<>(result.getOrDefault(s.service(), List.of()));
                tags.addAll(s.tags());
                result.put(s.service(), new ArrayList<>(tags));
            }
        }
        return answer(result);
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        record(query.nodeMeta(), consistency);
        List<ServiceEntry> entries = new ArrayList<>();
        for (Node node : matching(query.nodeMeta())) {
            for (NodeService s : instances.get(node.node())) {
                if (s.service().equalsIgnoreCase(name)) {
                    entries.add(new ServiceEntry(node, s, List.of()));
                }
            }
        }
        return answer(entries);
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        record(Map.of(), consistency);
        return answer(Optional.ofNullable(nodes.get(node)).map(n -> new NodeServices(n, instances.get(node))));
    }

    private List<Node> matching(Map<String, String> meta) {
        return nodes.values().stream()
                .filter(n -> meta.entrySet().stream().allMatch(e -> e.getValue().equals(n.meta().get(e.getKey()))))
                .toList();
    }

    private void record(Map<String, String> nodeMeta, Consistency consistency) {
        lastNodeMeta = nodeMeta;
        lastConsistency = consistency;
    }

    private <T> CompletionStage<Indexed<T>> answer(T value) {
        return failure != null ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture(new Indexed<>(value, 7));
    }
}
