package io.cairn.acl.rules;

import io.cairn.acl.api.Authorizer;

/**
 * An authorizer with one answer for everything (Consul's static authorizer): ACL management and snapshots
 * answer {@code manage}, everything else {@code allow}.
 */
record StaticAuthorizer(boolean manage, boolean allow) implements Authorizer {

    @Override
    public boolean aclRead() {
        return manage;
    }

    @Override
    public boolean aclWrite() {
        return manage;
    }

    @Override
    public boolean agentRead(String node) {
        return allow;
    }

    @Override
    public boolean agentWrite(String node) {
        return allow;
    }

    @Override
    public boolean eventRead(String name) {
        return allow;
    }

    @Override
    public boolean eventWrite(String name) {
        return allow;
    }

    @Override
    public boolean intentionRead(String destination) {
        return allow;
    }

    @Override
    public boolean intentionWrite(String destination) {
        return allow;
    }

    @Override
    public boolean keyRead(String key) {
        return allow;
    }

    @Override
    public boolean keyList(String prefix) {
        return allow;
    }

    @Override
    public boolean keyWrite(String key) {
        return allow;
    }

    @Override
    public boolean keyWritePrefix(String prefix) {
        return allow;
    }

    @Override
    public boolean keyringRead() {
        return allow;
    }

    @Override
    public boolean keyringWrite() {
        return allow;
    }

    @Override
    public boolean meshRead() {
        return allow;
    }

    @Override
    public boolean meshWrite() {
        return allow;
    }

    @Override
    public boolean nodeRead(String node) {
        return allow;
    }

    @Override
    public boolean nodeReadAll() {
        return allow;
    }

    @Override
    public boolean nodeWrite(String node) {
        return allow;
    }

    @Override
    public boolean operatorRead() {
        return allow;
    }

    @Override
    public boolean operatorWrite() {
        return allow;
    }

    @Override
    public boolean peeringRead() {
        return allow;
    }

    @Override
    public boolean peeringWrite() {
        return allow;
    }

    @Override
    public boolean queryRead(String name) {
        return allow;
    }

    @Override
    public boolean queryWrite(String name) {
        return allow;
    }

    @Override
    public boolean serviceRead(String service) {
        return allow;
    }

    @Override
    public boolean serviceReadAll() {
        return allow;
    }

    @Override
    public boolean serviceWrite(String service) {
        return allow;
    }

    @Override
    public boolean serviceWriteAny() {
        return allow;
    }

    @Override
    public boolean sessionRead(String node) {
        return allow;
    }

    @Override
    public boolean sessionWrite(String node) {
        return allow;
    }

    @Override
    public boolean snapshot() {
        return manage;
    }
}
