/**
 * The tamper-evident audit log: every entry carries the SHA-256 of its content and of the entry
 * before it, so changing, removing or reordering any stored entry breaks the chain at that point.
 * Pure logic; the store persists entries and {@code slamon audit verify} recomputes the chain.
 */
package io.slamon.core.audit;
