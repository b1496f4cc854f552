package dev.glimpse.cli;

import picocli.CommandLine;

/** The version the jar's manifest names (the Maven project version), for {@code --version}. */
final class GlimpseVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Glimpse " + current()};
    }

    /** The Maven project version, or "(development build)" when not run from the jar. */
    static String current() {
        String version = GlimpseVersion.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
