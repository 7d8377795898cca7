package main

import (
	"fmt"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func main() {
	_, v := kafka.LibraryVersion()
	fmt.Println("librdkafka", v)
}
