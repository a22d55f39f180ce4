/**
 * Benchmarks (JMH micro-benchmarks and end-to-end runs against peers). Not part of the normal test
 * suite; results go to docs/benchmarks.md with the command that produced them.
 */
package io.slamon.bench;
