package org.casegraph.ingest;

/**
 * Published when an import has written everything and counted its contacts, so that
 * features that derive something from the whole graph (match candidates, for one) bring
 * it up to date without the importer knowing them.
 *
 * @param name the import's name, as the journal keeps it
 */
public record ImportFinished(String name) {
}
