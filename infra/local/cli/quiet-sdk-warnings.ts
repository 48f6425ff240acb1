// Imported first by the CLI entry, before anything loads the AWS SDK: its Node-version notice
// (nine lines on Node < 22) is about the SDK's future releases, not about trackbridge, and would
// open every command's output. The SDK reads the variable when a client is built; worker threads
// and child processes inherit it. A value the user set is kept.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
