/** slamon app. */
package io.slamon.app;
