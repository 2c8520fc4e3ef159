using SourceCheck.Bench;

// The bench prints figures; it never fails a build. Usage: dotnet run -c Release --project bench/SourceCheck.Bench [-- SECTION...]
return BenchProgram.Run(args);
