#!/usr/bin/env python3
"""Trains implicit ALS on Apache Spark MLlib and writes its factors for `marquee import-factors`.

The path past one machine (docs/operations.md): events too many for one process are trained on Spark,
and Marquee serves the factors. Input is a MovieLens-style ratings CSV (userId,movieId,rating[,timestamp]);
ratings of at least --positive (default 4.0, Marquee's rule for a 0.5-5 scale) are positives, as
`marquee train --task topn` uses them.

    pip install pyspark==3.5.3          # needs a Java 17 runtime
    scripts/spark_als.py ../shared/data/ml-latest-small/ratings.csv out/ --rank 64
    .build/release/marquee import ../shared/data/ml-latest-small --database marquee.sqlite
    .build/release/marquee import-factors --users out/userFactors --items out/itemFactors --database marquee.sqlite

Writes out/userFactors and out/itemFactors as Spark JSON folders ({"id":…,"features":[…]} per line).
"""
import argparse

from pyspark.ml.recommendation import ALS
from pyspark.sql import SparkSession, functions as F


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ratings", help="CSV with header userId,movieId,rating[,timestamp]")
    parser.add_argument("output", help="folder for userFactors/ and itemFactors/")
    parser.add_argument("--rank", type=int, default=64)
    parser.add_argument("--iterations", type=int, default=15)
    parser.add_argument("--regularization", type=float, default=0.01)
    parser.add_argument("--alpha", type=float, default=1.0)
    parser.add_argument("--positive", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    spark = SparkSession.builder.appName("marquee-als").master("local[*]").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    ratings = spark.read.csv(args.ratings, header=True, inferSchema=True)
    positives = (ratings.where(F.col("rating") >= args.positive)
                 .select(F.col("userId").alias("user"), F.col("movieId").alias("item"), F.lit(1.0).alias("value")))
    als = ALS(rank=args.rank, maxIter=args.iterations, regParam=args.regularization, alpha=args.alpha,
              implicitPrefs=True, userCol="user", itemCol="item", ratingCol="value", seed=args.seed,
              coldStartStrategy="drop")
    model = als.fit(positives)
    model.userFactors.coalesce(1).write.mode("overwrite").json(f"{args.output}/userFactors")
    model.itemFactors.coalesce(1).write.mode("overwrite").json(f"{args.output}/itemFactors")
    print(f"wrote {args.output}/userFactors and {args.output}/itemFactors (rank {args.rank})")
    spark.stop()


if __name__ == "__main__":
    main()
