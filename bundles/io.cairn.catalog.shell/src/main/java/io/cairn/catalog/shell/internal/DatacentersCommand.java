package io.cairn.catalog.shell.internal;

import java.io.PrintStream;

import io.cairn.catalog.api.Catalog;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code catalog:datacenters}, like {@code consul catalog datacenters}: this release knows its own only. */
@Command(scope = "catalog", name = "datacenters", description = "Lists the known datacenters")
@Service
public class DatacentersCommand implements Action {

    @Reference
    Catalog catalog;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) {
        out.println(catalog.datacenter());
    }
}
