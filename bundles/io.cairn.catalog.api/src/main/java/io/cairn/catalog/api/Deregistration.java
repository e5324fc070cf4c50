package io.cairn.catalog.api;

/**
 * A removal from the catalog (Consul's catalog deregister request). With only {@code node} the node goes with
 * all its instances and checks; with {@code serviceId} that instance and its checks go; with {@code checkId}
 * that check goes. Removing something absent succeeds.
 *
 * @param node      the node name (required)
 * @param serviceId the instance to remove, or {@code ""}
 * @param checkId   the check to remove, or {@code ""}
 */
public record Deregistration(String node, String serviceId, String checkId) {

    public Deregistration {
        node = Values.text(node);
        serviceId = Values.text(serviceId);
        checkId = Values.text(checkId);
    }
}
