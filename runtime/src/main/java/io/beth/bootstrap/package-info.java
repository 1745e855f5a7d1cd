/**
 * What generated code and Dagger plug into: the helpers generated routers call to bind parameters
 * and answer results, and the bootstrap that starts an application's servers.
 */
package io.beth.bootstrap;
