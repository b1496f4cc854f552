package dev.glimpse.cli;

import picocli.CommandLine;

/** The version the jar's manifest names (the Maven project version), for {@code --version}. */
final class GlimpseVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GlimpseVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Glimpse " + (version == null ? "(development build)" : version)};
    }
}
