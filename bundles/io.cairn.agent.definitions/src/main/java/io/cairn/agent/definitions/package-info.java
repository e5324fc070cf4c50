/**
 * Consul service and check definitions as the agent's HTTP API and its config files give them: parsing,
 * validation with errors that name the file and the field, and the check IDs and names Consul derives.
 * Checks come out as the health-check engine's {@link io.cairn.health.api.CheckDefinition}, the one definition
 * type the agent registers, runs and records.
 * <p>
 * Entry points: {@link io.cairn.agent.definitions.ConfigDirDefinitions} for config dirs and files,
 * {@link io.cairn.agent.definitions.DefinitionParser} for single JSON documents (API bodies and config files),
 * {@link io.cairn.agent.definitions.HclConfig} for Consul's {@code .hcl} config files as the tree of their JSON
 * equivalent, {@link io.cairn.agent.definitions.ConfigFileTree} for a config file (JSON or HCL) as a Jackson tree
 * (the agent's watches and templates). Plain Java with Jackson and the HCL 1 parser, no OSGi services: the agent
 * bundle and the command-line client both use it.
 */
@Export
@Version("2.2.0")
package io.cairn.agent.definitions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
