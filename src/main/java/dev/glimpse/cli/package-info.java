/**
 * The command-line entry: {@code java -jar glimpse.jar <command>} runs one command and exits; with no command (or
 * only {@code --name=value} settings) the server starts. {@link dev.glimpse.cli.GlimpseCli} holds the commands
 * (picocli): the operator's ({@code prefetch-models}, {@code hash-password}, {@code new-api-token}) and the tools
 * ({@code bench}, {@code index-bench}, {@code evaluate-search}, {@code compare-captioners},
 * {@code write-random-checkpoint}). This package sits above every feature: nothing depends on it but the
 * application's main class.
 */
@NullMarked
package dev.glimpse.cli;

import org.jspecify.annotations.NullMarked;
